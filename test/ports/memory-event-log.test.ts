import { MemoryEventLog } from '../../shared/ports/event-log/index.ts';
import { eventLogContract } from './event-log.contract.ts';

eventLogContract('in-memory', () => new MemoryEventLog(3, 7));
