import { createServer, type Server } from 'node:http';
import { Gauge, type Registry, register } from 'prom-client';
import type { Screener } from './screener.ts';

/**
 * The screener's series, read from its counters at scrape time. In `flowsentry up` they join
 * the process's one registry and appear on the API's /metrics; a screener on its own serves
 * them (and /health) on FLOWSENTRY_SCREENER_PORT.
 */
export function registerScreenerMetrics(screener: Screener, registry: Registry = register): void {
  const gauge = (name: string, help: string, read: () => number) => {
    registry.removeSingleMetric(name);
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  };
  const task = () => screener.engineTask;
  gauge('flowsentry_screener_ready', '1 when ready (no outage retried, no restore running).', () =>
    screener.ready ? 1 : 0,
  );
  gauge('flowsentry_screener_engine_owner', '1 when this member runs the engine.', () =>
    task()?.active ? 1 : 0,
  );
  gauge(
    'flowsentry_screener_routed_batches',
    'Input batches routed by this member.',
    () => screener.stats.batches,
  );
  gauge(
    'flowsentry_screener_events_screened',
    'Events the engine screened here.',
    () => screener.stats.events,
  );
  gauge(
    'flowsentry_screener_dead_letters',
    'Records dead-lettered here.',
    () => screener.stats.deadLettered,
  );
  gauge(
    'flowsentry_screener_alerts_created',
    'Alerts created here.',
    () => screener.stats.alertsCreated,
  );
  gauge(
    'flowsentry_screener_alerts_merged',
    'Repeats merged into alerts here.',
    () => screener.stats.alertsMerged,
  );
  gauge(
    'flowsentry_sequencer_held_events',
    'Events held until their turn.',
    () => task()?.sequencer.holding ?? 0,
  );
  gauge(
    'flowsentry_engine_restores',
    'Times the engine state was rebuilt from the changelog.',
    () => task()?.stats.restores ?? 0,
  );
  gauge(
    'flowsentry_engine_restore_seconds',
    'Duration of the latest restore.',
    () => (task()?.stats.lastRestore?.ms ?? 0) / 1000,
  );
  gauge(
    'flowsentry_engine_restore_records',
    'Changelog records read by the latest restore.',
    () => task()?.stats.lastRestore?.records ?? 0,
  );
  gauge(
    'flowsentry_engine_restore_progress',
    'Share of the changelog read by a running restore (1 when none runs).',
    () => {
      const r = task()?.stats.restoring;
      return r && r.end > 0 ? r.read / r.end : 1;
    },
  );
  gauge(
    'flowsentry_engine_state_records_in_use',
    'Engine state records kept as objects (the ones used last).',
    () => screener.stateHolding.inUse,
  );
  gauge(
    'flowsentry_engine_state_records_at_rest',
    'Engine state records at rest (compact, in scratch files); a record in use may also be at rest.',
    () => screener.stateHolding.atRest,
  );
  gauge(
    'flowsentry_engine_state_file_bytes',
    'Bytes of the scratch files of the state at rest (FLOWSENTRY_STATE_DIR), superseded records included.',
    () => screener.stateHolding.fileBytes,
  );
  const lag = 'flowsentry_sequencer_partition_lag';
  registry.removeSingleMetric(lag);
  new Gauge({
    name: lag,
    help: 'Records an input partition still has to deliver to the engine, by topic/partition.',
    labelNames: ['partition'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [partition, n] of task()?.sequencer.lag() ?? []) this.set({ partition }, n);
    },
  });
}

/** /health (200 ready, 503 not) and /metrics of a screener running on its own. */
export function serveScreener(
  screener: Screener,
  port: number,
  registry: Registry = register,
): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/health') {
      const ready = screener.ready;
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: ready ? 'ok' : 'unready',
          engineOwner: screener.engineTask?.active ?? false,
        }),
      );
      return;
    }
    if (req.url === '/metrics') {
      registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': registry.contentType });
          res.end(text);
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
      return;
    }
    res.writeHead(404);
    res.end();
  });
  // Loopback only: the series name topics and partitions, and no token guards this port.
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
