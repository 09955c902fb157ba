import { KafkaEventLog } from '../../shared/ports/event-log/index.ts';
import { eventLogContract } from './event-log.contract.ts';

// A real broker: infra/up.sh (run by `npm test`) starts one on 127.0.0.1:9092.
eventLogContract(
  'kafka',
  () => new KafkaEventLog({ brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',') }),
);
