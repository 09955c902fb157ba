import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { Alert } from '../../../shared/engine/alert.ts';
import { FlowsentryError } from '../../../shared/errors.ts';
import type { ListVersion } from '../../../shared/lists/types.ts';
import { type NormalizedEvent, normalizeEvent } from '../../../shared/normalize/index.ts';
import { countByType, screenEvents, workerNames } from '../embedded/index.ts';
import { renderHtmlReport } from '../report/html.ts';
import { generateScenario, type Scenario } from '../scenario/index.ts';
import { demoText } from './narrative.ts';
import { probeStreaming } from './probe.ts';
import { saveInputs } from './save-inputs.ts';
import { runStreaming } from './streaming.ts';

/** Options of `flowsentry demo`, checked by the command. */
export interface DemoOptions {
  /** Where the HTML report goes. */
  readonly out: string;
  readonly streaming: boolean;
  readonly seed?: number;
  readonly workers?: number;
  /** Also write the scenario as files `flowsentry scan` reads. */
  readonly saveInputs?: string;
  readonly brokers: readonly string[];
  readonly redisUrl: string;
  readonly queue: string;
  readonly apiPort: number;
}

/** The streams the demo writes to. */
export interface DemoIo {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable;
}

const KINDS: readonly [string, string][] = [
  ['worker.upserted', 'profile'],
  ['payout.requested', 'payout request'],
  ['payout.executed', 'executed payout'],
  ['transfer.observed', 'on-chain transfer'],
  ['transfer.retracted', 'reorg retraction'],
  ['extortion.reported', 'extortion report'],
];

/** `9,829 events (300 profiles, 1,800 executed payouts, ...)`. */
export function eventsLine(events: readonly NormalizedEvent[]): string {
  const counts = countByType(events);
  const parts = KINDS.filter(([t]) => counts.get(t)).map(
    ([t, word]) =>
      `${counts.get(t)!.toLocaleString('en-US')} ${word}${counts.get(t) === 1 ? '' : 's'}`,
  );
  return `${events.length.toLocaleString('en-US')} events (${parts.join(', ')})`;
}

/** The alerts as comparable text, sorted by id: two modes agree when these are equal. */
export function alertFingerprint(alerts: readonly Alert[]): string {
  return JSON.stringify([...alerts].sort((a, b) => a.id.localeCompare(b.id)));
}

async function embedded(
  s: Scenario,
  events: NormalizedEvent[],
): Promise<{ alerts: Alert[]; ms: number }> {
  const started = performance.now();
  const alerts = await screenEvents(events, s.lists);
  return { alerts, ms: performance.now() - started };
}

async function streamingRun(s: Scenario, events: NormalizedEvent[], o: DemoOptions, io: DemoIo) {
  const probe = await probeStreaming(o.brokers, o.redisUrl);
  const down = [probe.kafka, probe.redis].filter((p): p is string => p !== true);
  if (down.length) {
    const why = `${down.join('; ')}. Start them with \`npm run infra:up\`, or run the demo without --streaming`;
    throw new FlowsentryError('STREAMING_UNAVAILABLE', `demo --streaming: ${why}`, true);
  }
  const topic = `flowsentry-demo.${Date.now().toString(36)}`;
  io.stderr.write(
    `streaming ${events.length} events through Kafka topic ${topic} -> screener -> BullMQ queue ${o.queue} ...\n`,
  );
  const result = await runStreaming(s.events, s.lists, {
    brokers: o.brokers,
    redisUrl: o.redisUrl,
    topic,
    queue: o.queue,
  });
  const reference = await screenEvents(events, s.lists);
  const same = alertFingerprint(reference) === alertFingerprint(result.alerts);
  return { ...result, topic, same, reference: reference.length };
}

function footer(
  o: DemoOptions,
  report: string,
  streamed: Awaited<ReturnType<typeof streamingRun>> | null,
  canStream: boolean,
): string[] {
  const lines = [
    `Report: ${report} (open it in a browser: summary, cases, every alert with its evidence and hop path)`,
  ];
  if (streamed) {
    lines.push(
      `Streaming: ${streamed.alerts.length} alerts in BullMQ queue "${o.queue}" (${streamed.delivered.created} new); embedded mode on the same events gives ${streamed.same ? 'the same alerts' : `DIFFERENT alerts (${streamed.reference})`}.`,
      `Console: FLOWSENTRY_ALERT_QUEUE=${o.queue} FLOWSENTRY_API_TOKENS=<a token of 16+ chars>:analyst flowsentry service api`,
      `         then open http://127.0.0.1:${o.apiPort}/ and paste the token.`,
    );
  } else if (canStream) {
    lines.push(
      'Kafka and Redis answer here: `npm run -s demo -- --streaming` runs the same story through Kafka, the screener and BullMQ.',
    );
  } else {
    lines.push(
      'With Kafka and Redis running (`npm run infra:up`), `npm run -s demo -- --streaming` runs the same story through them.',
    );
  }
  return lines;
}

/** What was screened, shared by the text and the report. */
interface Screened {
  readonly s: Scenario;
  readonly events: readonly NormalizedEvent[];
  readonly names: ReadonlyMap<string, string>;
  readonly lists: readonly ListVersion[];
  readonly mode: 'embedded' | 'streaming';
}

/** Writes the HTML report and returns its absolute path. */
async function writeReport(out: string, x: Screened, alerts: readonly Alert[]): Promise<string> {
  const { events } = x;
  const inputs = {
    files: [],
    events: events.length,
    rejected: 0,
    from: events[0]?.at,
    to: events.at(-1)?.at,
  };
  const page = renderHtmlReport({
    alerts,
    title: 'Flowsentry demo: payroll to a sanctioned network',
    generatedAt: new Date().toISOString(),
    mode: x.mode,
    inputs,
    lists: x.lists,
    workerNames: x.names,
    story: x.s.story,
  });
  const path = resolve(out);
  await writeFile(path, page);
  return path;
}

async function savedLine(dir: string, s: Scenario): Promise<string> {
  const saved = await saveInputs(dir, s);
  const args = `--events ${saved.events} --lists ${saved.lists.join(' ')}`;
  return `Inputs saved: scan them yourself with\n  flowsentry scan ${args} --format html --out scan-report.html`;
}

function modeLine(streamed: { topic: string } | null, queue: string): string {
  return streamed
    ? `streaming mode (Kafka topic ${streamed.topic}, one partition -> screener -> BullMQ queue ${queue})`
    : 'embedded mode (one process, in-memory state; nothing else to install)';
}

/** Runs the demo story (embedded, or through the streaming services) and writes what it found and why. */
export async function runDemo(o: DemoOptions, io: DemoIo): Promise<number> {
  const s = generateScenario({
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    ...(o.workers !== undefined ? { workers: o.workers } : {}),
  });
  const events = s.events.map(normalizeEvent);
  // The probe runs alongside the embedded run: it only decides which hint to print.
  const probe = o.streaming ? null : probeStreaming(o.brokers, o.redisUrl);
  const streamed = o.streaming ? await streamingRun(s, events, o, io) : null;
  const run = streamed ?? (await embedded(s, events));
  const x: Screened = {
    s,
    events,
    names: workerNames(events),
    lists: s.lists.map((l) => l.version),
    mode: streamed ? 'streaming' : 'embedded',
  };
  const text = demoText({
    story: s.story,
    modeLine: modeLine(streamed, o.queue),
    eventsLine: eventsLine(events),
    lists: x.lists,
    alerts: run.alerts,
    ms: run.ms,
    names: x.names,
    color: io.stdout.isTTY === true,
  });
  io.stdout.write(`${text}\n`);
  const report = await writeReport(o.out, x, run.alerts);
  const p = probe ? await probe : null;
  const lines = footer(o, report, streamed, p?.kafka === true && p.redis === true);
  if (o.saveInputs) lines.push(await savedLine(o.saveInputs, s));
  io.stdout.write(`${lines.join('\n')}\n`);
  return streamed && !streamed.same ? 1 : 0;
}
