import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Upper bounds (seconds) of the request duration histogram. */
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

const SERIES = [
  'flowsentry_api_requests_total',
  'flowsentry_api_request_duration_seconds',
  'flowsentry_screen_decisions_total',
];

/** A value read at scrape time: one number, or one per label value. */
export type Sample = number | ReadonlyMap<string, number>;

/**
 * The API's series in a prom-client registry (prom-client escapes label values). In a
 * service the registry is the process's one registry, so the chain watcher's series are on
 * the same /metrics; tests give each app its own. Routes are route templates, never raw
 * URLs, so label sets stay bounded.
 */
export class ApiMetrics {
  private readonly requests: Counter;
  private readonly durations: Histogram;
  private readonly decisions: Counter;

  constructor(readonly registry: Registry) {
    const registers = [registry];
    // An API started again in the same process (tests, a restart) replaces its own series.
    for (const name of SERIES) registry.removeSingleMetric(name);
    this.requests = new Counter({
      name: 'flowsentry_api_requests_total',
      help: 'Requests answered, by route template and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.durations = new Histogram({
      name: 'flowsentry_api_request_duration_seconds',
      help: 'Time to answer, by route template.',
      labelNames: ['route'],
      buckets: BUCKETS,
      registers,
    });
    this.decisions = new Counter({
      name: 'flowsentry_screen_decisions_total',
      help: 'Pre-payout screening answers, by decision.',
      labelNames: ['decision'],
      registers,
    });
    for (const decision of ['allow', 'review', 'block']) this.decisions.inc({ decision }, 0);
  }

  /** Counts one answered request. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status });
    this.durations.observe({ route }, seconds);
  }

  /** Counts one screening answer. */
  observeDecision(decision: string): void {
    this.decisions.inc({ decision });
  }

  /** A gauge read at scrape time; `labelName` when `read` answers one value per label. */
  gauge(name: string, help: string, read: () => Promise<Sample>, labelName?: string): void {
    this.registry.removeSingleMetric(name);
    new Gauge({
      name,
      help,
      labelNames: labelName ? [labelName] : [],
      registers: [this.registry],
      async collect() {
        const value = await read();
        this.reset();
        if (typeof value === 'number') this.set(value);
        else for (const [label, v] of value) this.set({ [labelName ?? 'label']: label }, v);
      },
    });
  }

  /** The exposition text of every series in the registry (the chain watcher's too). */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}
