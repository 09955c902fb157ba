/** Upper bounds (seconds) of the request duration histogram. */
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

interface Histogram {
  counts: number[];
  sum: number;
  total: number;
}

const label = (v: string) =>
  v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');

/**
 * The few series /metrics exposes, kept by hand in Prometheus text format: routes are route
 * templates (never raw URLs), so label sets stay bounded.
 */
export class ApiMetrics {
  private readonly requests = new Map<string, number>();
  private readonly durations = new Map<string, Histogram>();
  private readonly decisions = new Map<string, number>();

  /** Counts one answered request. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${label(method)}",route="${label(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const hkey = `route="${label(route)}"`;
    let h = this.durations.get(hkey);
    if (!h) {
      h = { counts: BUCKETS.map(() => 0), sum: 0, total: 0 };
      this.durations.set(hkey, h);
    }
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) h.counts[i]!++;
    h.sum += seconds;
    h.total++;
  }

  /** Counts one screening answer. */
  observeDecision(decision: string): void {
    this.decisions.set(decision, (this.decisions.get(decision) ?? 0) + 1);
  }

  /** The exposition text; `gauges` are sampled by the caller at scrape time. */
  render(gauges: readonly Gauge[]): string {
    const out: string[] = [];
    out.push(
      '# HELP flowsentry_api_requests_total Requests answered, by route template and status.',
    );
    out.push('# TYPE flowsentry_api_requests_total counter');
    for (const [k, v] of this.requests) out.push(`flowsentry_api_requests_total{${k}} ${v}`);
    out.push('# HELP flowsentry_api_request_duration_seconds Time to answer, by route template.');
    out.push('# TYPE flowsentry_api_request_duration_seconds histogram');
    for (const [k, h] of this.durations) out.push(...histogramLines(k, h));
    out.push('# HELP flowsentry_screen_decisions_total Pre-payout screening answers, by decision.');
    out.push('# TYPE flowsentry_screen_decisions_total counter');
    for (const d of ['allow', 'review', 'block'])
      out.push(`flowsentry_screen_decisions_total{decision="${d}"} ${this.decisions.get(d) ?? 0}`);
    for (const g of gauges) out.push(...gaugeLines(g));
    return `${out.join('\n')}\n`;
  }
}

/** A gauge sampled at scrape time. */
export interface Gauge {
  readonly name: string;
  readonly help: string;
  readonly labelName?: string;
  readonly values: ReadonlyMap<string, number> | number;
}

function histogramLines(key: string, h: Histogram): string[] {
  const name = 'flowsentry_api_request_duration_seconds';
  const lines = BUCKETS.map((b, i) => `${name}_bucket{${key},le="${b}"} ${h.counts[i]}`);
  lines.push(
    `${name}_bucket{${key},le="+Inf"} ${h.total}`,
    `${name}_sum{${key}} ${h.sum}`,
    `${name}_count{${key}} ${h.total}`,
  );
  return lines;
}

function gaugeLines(g: Gauge): string[] {
  const lines = [`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`];
  if (typeof g.values === 'number') return [...lines, `${g.name} ${g.values}`];
  for (const [k, v] of g.values)
    lines.push(`${g.name}{${g.labelName ?? 'label'}="${label(k)}"} ${v}`);
  return lines;
}
