import { Counter, Gauge, Registry } from 'prom-client';

/** Counters of one chain; the follower and the RPC layer write them, /metrics reads them. */
export interface ChainCounters {
  /** 1 while the chain's loop runs, 0 once it stopped on a fatal error. */
  up: number;
  head: number;
  cursor: number;
  blocks: number;
  transfers: number;
  retractions: number;
  reorgs: number;
  rangeSize: number;
  readonly rpcErrors: Map<string, number>;
}

interface Sample {
  readonly at: number;
  readonly blocks: number;
  readonly transfers: number;
}

const RATE_WINDOW_MS = 30_000;

/**
 * Watcher metrics for every chain, with rates over the last 30 seconds, as prom-client series
 * read at scrape time. The service puts them in the process's one registry, so `flowsentry up`
 * serves them on the API's /metrics.
 */
export class ChainMetrics {
  private readonly chains = new Map<string, ChainCounters>();
  private readonly samples = new Map<string, Sample[]>();

  constructor(
    private readonly now: () => number = Date.now,
    readonly registry: Registry = new Registry(),
  ) {
    for (const name of [...SERIES.map(([n]) => n), RPC_ERRORS]) registry.removeSingleMetric(name);
    for (const series of SERIES) this.register(series);
    const views = () => this.views();
    new Counter({
      name: RPC_ERRORS,
      help: 'Failed RPC calls by error code.',
      labelNames: ['chain', 'code'],
      registers: [registry],
      collect() {
        this.reset();
        for (const v of views())
          for (const [code, n] of v.rpcErrors) this.inc({ chain: v.chain, code }, n);
      },
    });
  }

  private register([name, type, help, read]: Series): void {
    const views = () => this.views();
    const options = { name, help, labelNames: ['chain'], registers: [this.registry] };
    if (type === 'counter') {
      new Counter({
        ...options,
        collect() {
          this.reset();
          for (const v of views()) this.inc({ chain: v.chain }, finite(read(v)));
        },
      });
    } else {
      new Gauge({
        ...options,
        collect() {
          this.reset();
          for (const v of views()) this.set({ chain: v.chain }, finite(read(v)));
        },
      });
    }
  }

  private views(): ChainView[] {
    return [...this.chains].map(([name, c]) => this.view(name, c));
  }

  /** The counters of a chain, created on first use. */
  chain(name: string): ChainCounters {
    let c = this.chains.get(name);
    if (!c) {
      c = {
        up: 1,
        head: 0,
        cursor: -1,
        blocks: 0,
        transfers: 0,
        retractions: 0,
        reorgs: 0,
        rangeSize: 0,
        rpcErrors: new Map(),
      };
      this.chains.set(name, c);
    }
    return c;
  }

  /** Records a committed batch. */
  progressed(name: string, blocks: number, transfers: number): void {
    const c = this.chain(name);
    c.blocks += blocks;
    c.transfers += transfers;
    const list = this.samples.get(name) ?? [];
    list.push({ at: this.now(), blocks: c.blocks, transfers: c.transfers });
    while (list.length > 2 && list[0]!.at < this.now() - RATE_WINDOW_MS) list.shift();
    this.samples.set(name, list);
  }

  rpcError(name: string, code: string): void {
    const errors = this.chain(name).rpcErrors;
    errors.set(code, (errors.get(code) ?? 0) + 1);
  }

  /** Blocks and transfers per second over the recent window (0 when idle). */
  rates(name: string): { blocksPerSecond: number; transfersPerSecond: number } {
    const list = (this.samples.get(name) ?? []).filter((s) => s.at >= this.now() - RATE_WINDOW_MS);
    const first = list[0];
    const last = list[list.length - 1];
    const seconds = first && last ? (last.at - first.at) / 1000 : 0;
    if (!first || !last || seconds <= 0) return { blocksPerSecond: 0, transfersPerSecond: 0 };
    return {
      blocksPerSecond: (last.blocks - first.blocks) / seconds,
      transfersPerSecond: (last.transfers - first.transfers) / seconds,
    };
  }

  /** A plain snapshot for logs and tests. */
  snapshot(): Record<string, ChainView> {
    const out: Record<string, ChainView> = {};
    for (const [name, c] of this.chains) out[name] = this.view(name, c);
    return out;
  }

  private view(name: string, c: ChainCounters): ChainView {
    return { ...c, chain: name, lag: Math.max(0, c.head - c.cursor), ...this.rates(name) };
  }

  /** Prometheus text exposition of this registry. */
  toPrometheus(): Promise<string> {
    return this.registry.metrics();
  }
}

/** A chain's counters with what is derived from them. */
export type ChainView = ChainCounters & {
  chain: string;
  lag: number;
  blocksPerSecond: number;
  transfersPerSecond: number;
};

const finite = (n: number) => (Number.isFinite(n) ? n : 0);

const RPC_ERRORS = 'flowsentry_chain_rpc_errors_total';

type Series = readonly [string, 'gauge' | 'counter', string, (v: ChainView) => number];

// name, type, help, value: one line per chain each.
const SERIES: readonly Series[] = [
  [
    'flowsentry_chain_up',
    'gauge',
    '1 while the chain is followed, 0 after a fatal error.',
    (v) => v.up,
  ],
  ['flowsentry_chain_head_block', 'gauge', 'Latest block number the node reported.', (v) => v.head],
  [
    'flowsentry_chain_cursor_block',
    'gauge',
    'Last block whose transfers are in Kafka.',
    (v) => v.cursor,
  ],
  [
    'flowsentry_chain_head_lag_blocks',
    'gauge',
    'Blocks between the head and the cursor.',
    (v) => v.lag,
  ],
  ['flowsentry_chain_blocks_total', 'counter', 'Blocks read.', (v) => v.blocks],
  [
    'flowsentry_chain_transfers_total',
    'counter',
    'transfer.observed events published.',
    (v) => v.transfers,
  ],
  [
    'flowsentry_chain_retractions_total',
    'counter',
    'transfer.retracted events published.',
    (v) => v.retractions,
  ],
  ['flowsentry_chain_reorgs_total', 'counter', 'Reorgs detected.', (v) => v.reorgs],
  [
    'flowsentry_chain_blocks_per_second',
    'gauge',
    'Blocks read per second, last 30 s.',
    (v) => v.blocksPerSecond,
  ],
  [
    'flowsentry_chain_transfers_per_second',
    'gauge',
    'Transfers per second, last 30 s.',
    (v) => v.transfersPerSecond,
  ],
  [
    'flowsentry_chain_log_range_blocks',
    'gauge',
    'Current eth_getLogs range size.',
    (v) => v.rangeSize,
  ],
];
