import type { Registry } from 'prom-client';
import type { Alert } from '../../shared/engine/alert.ts';
import type { TagIndex } from '../../shared/lists/tag-index.ts';
import type { Logger } from '../../shared/log/logger.ts';
import type { DeliveryLog, ReviewStore, Role } from '../../shared/ports/review-store/index.ts';
import type { RateLimits } from './rate-limit.ts';

/** Where the API reads alerts: the BullMQ queue in a service, memory in tests (AlertSink fits). */
export interface AlertSource {
  get(id: string): Promise<Alert | null>;
  list(): Promise<Alert[]>;
}

/** One accepted bearer token; `name` is the actor id written to the audit (default: role + fingerprint). */
export interface ApiToken {
  readonly token: string;
  readonly role: Role;
  readonly name?: string;
}

/** What the console shows of a worker, when a profile source is wired in. */
export interface WorkerProfile {
  readonly workerId: string;
  readonly legalName?: string;
  readonly nationality?: string;
  readonly residenceCountry?: string;
  readonly employer?: { readonly id: string; readonly name: string };
  readonly payoutWallets?: readonly { readonly chain: string; readonly address: string }[];
}

/** Something that sends critical alerts on (the signed webhook). */
export interface AlertNotifier {
  notify(alert: Alert): Promise<boolean>;
}

/** Everything buildApp needs; the service wires Redis and BullMQ, tests wire memory. */
export interface ApiDeps {
  readonly alerts: AlertSource;
  readonly review: ReviewStore;
  /** The active tag set; called per screening so a list reload is seen at once. */
  readonly tags: () => TagIndex;
  readonly tokens: readonly ApiToken[];
  readonly logger?: Logger;
  /** BullMQ job counts of the alert queue by state, for /metrics. */
  readonly queueCounts?: () => Promise<Record<string, number>>;
  readonly profiles?: (workerId: string) => Promise<WorkerProfile | null>;
  readonly notifier?: AlertNotifier;
  readonly deliveryLog?: DeliveryLog;
  /** Dependencies /health pings; each answers or throws. */
  readonly health?: Readonly<Record<string, () => Promise<unknown>>>;
  /** How often the in-process alert cache reloads (default 2,000 ms; 0 = on every read). */
  readonly refreshMs?: number;
  /** Where the API's series go; a service passes the process's one registry (default: its own). */
  readonly metricsRegistry?: Registry;
  /** Per-token request budgets (default: none). */
  readonly rateLimit?: RateLimits;
  readonly now?: () => Date;
}
