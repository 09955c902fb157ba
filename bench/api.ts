// Latency of POST /v1/screen under load: the API in this process, the load from a child
// process over loopback with keep-alive, so client work does not share the server's core.
//   node bin/run-ts.mjs bench/api.ts
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../services/api/app.ts';
import { normalizeAddress } from '../shared/address/index.ts';
import { type Alert, alertId } from '../shared/engine/alert.ts';
import { TagIndex } from '../shared/lists/tag-index.ts';
import type { ListEntry, ListSnapshot } from '../shared/lists/types.ts';
import { MemoryAlertSink } from '../shared/ports/alert-sink/index.ts';
import {
  MemoryReviewStore,
  RedisReviewStore,
  type ReviewStore,
} from '../shared/ports/review-store/index.ts';

const TOKEN = 'bench-platform-token-0123456789';
const LISTED = 10_000;
const ALERTS = 2_000;
const REQUESTS = 20_000;
const WARMUP = 2_000;
const CONCURRENCY = 32;

const wallet = (i: number, space: number) =>
  `0x${space.toString(16)}${i.toString(16).padStart(39, '0')}`;

/** A sanctions list of LISTED synthetic wallets (space 1). */
function list(): ListSnapshot {
  const entries: ListEntry[] = Array.from({ length: LISTED }, (_, i) => {
    const n = normalizeAddress('ethereum', wallet(i, 1));
    return {
      source: 'bench',
      entryId: `e${i}`,
      name: `Entity ${i}`,
      aliases: [],
      kind: 'entity',
      programs: ['DPRK3'],
      category: 'sanctions',
      addresses: [{ chain: 'ethereum', address: n.canonical, key: n.key }],
    };
  });
  const version = {
    id: 'bench@2026-01-01#000000000000',
    source: 'bench',
    publishedAt: '2026-01-01',
    contentHash: '0'.repeat(64),
    loadedAt: '2026-01-01T00:00:00Z',
    entryCount: LISTED,
    addressCount: LISTED,
  };
  return { version, entries };
}

/** ALERTS open alerts on wallets of space 2, one worker each. */
function alerts(): Alert[] {
  return Array.from({ length: ALERTS }, (_, i) => {
    const address = wallet(i, 2);
    return {
      id: alertId('shared-payout-wallet', address, '2026-01'),
      rule: 'shared-payout-wallet',
      severity: 'medium',
      score: 50,
      title: `shared wallet ${i}`,
      subject: { kind: 'wallet', chain: 'ethereum', address },
      evidence: [],
      related: { workers: [`w-${i}`], wallets: [address], payouts: [] },
      eventIds: [`e-${i}`],
      createdAt: '2026-01-01T00:00:00Z',
      lastSeenAt: '2026-01-01T00:00:00Z',
      count: 1,
      status: 'open',
      assignee: null,
      disposition: null,
    };
  });
}

/** Payouts the child cycles through: 10% block, 20% review, 70% allow. */
function payouts(): object[] {
  return Array.from({ length: 100 }, (_, i) => {
    const space = i % 10 === 0 ? 1 : i % 10 < 3 ? 2 : 3;
    return {
      workerId: `w-x${i}`,
      chain: 'ethereum',
      toAddress: wallet(i * 7, space),
      asset: 'USDC',
      amount: '2500.00',
    };
  });
}

// The load generator, run by a separate node process: plain JS, no TypeScript loader needed.
const LOAD = `
import http from 'node:http';
const { URL, TOKEN, N, C, WARMUP, BODIES } = process.env;
const bodies = JSON.parse(BODIES).map((b) => JSON.stringify(b));
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(C) });
const target = new globalThis.URL(URL);
const lat = [];
let next = 0, errors = 0;
function one(record) {
  const body = bodies[next++ % bodies.length];
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.request({ host: target.hostname, port: target.port, path: '/v1/screen', method: 'POST', agent,
      headers: { authorization: 'Bearer ' + TOKEN, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => { if (res.statusCode !== 200) errors++; if (record) lat.push(performance.now() - t0); resolve(); });
    });
    req.on('error', () => { errors++; resolve(); });
    req.end(body);
  });
}
async function run(total, record) {
  let sent = 0;
  const worker = async () => { while (sent < total) { sent++; await one(record); } };
  await Promise.all(Array.from({ length: Number(C) }, worker));
}
await run(Number(WARMUP), false);
const start = performance.now();
await run(Number(N), true);
const seconds = (performance.now() - start) / 1000;
lat.sort((a, b) => a - b);
const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
process.stdout.write(JSON.stringify({ p50: q(0.5), p99: q(0.99), max: lat[lat.length - 1], rps: lat.length / seconds, errors }));
agent.destroy();
`;

function load(
  url: string,
): Promise<{ p50: number; p99: number; max: number; rps: number; errors: number }> {
  const env = {
    ...process.env,
    URL: url,
    TOKEN,
    N: String(REQUESTS),
    C: String(CONCURRENCY),
    WARMUP: String(WARMUP),
    BODIES: JSON.stringify(payouts()),
  };
  const child = spawn(process.execPath, ['--input-type=module', '-e', LOAD], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (c) => {
    out += c;
  });
  return new Promise((ok, fail) => {
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? ok(JSON.parse(out)) : fail(new Error(`load generator exited ${code}`)),
    );
  });
}

/** Screens the answer record in Redis when it answers, as the service does; in memory otherwise. */
async function reviewStore(): Promise<{
  store: ReviewStore;
  kind: string;
  cleanup: () => Promise<void>;
}> {
  const redis = new RedisReviewStore({
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    queueName: `bench-${Date.now().toString(36)}`,
  });
  const up = await Promise.race([
    redis.redis.ping().then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((r) => setTimeout(() => r(false), 1_000)),
  ]);
  if (up)
    return { store: redis, kind: 'redis', cleanup: () => redis.clear().then(() => redis.close()) };
  redis.redis.disconnect();
  return { store: new MemoryReviewStore(), kind: 'memory', cleanup: async () => {} };
}

/** p50/p99 latency and throughput of POST /v1/screen from a separate process over loopback. */
export async function benchApi(): Promise<Record<string, number | string>> {
  const sink = new MemoryAlertSink();
  await sink.deliver(alerts());
  const tags = new TagIndex([list()]);
  const { store, kind, cleanup } = await reviewStore();
  const app = await buildApp({
    alerts: sink,
    review: store,
    tags: () => tags,
    tokens: [{ token: TOKEN, role: 'platform' }],
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const r = await load(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
    return {
      'api.screen.p50_ms': round(r.p50),
      'api.screen.p99_ms': round(r.p99),
      'api.screen.max_ms': round(r.max),
      'api.screen.requests_per_s': Math.round(r.rps),
      'api.screen.requests': REQUESTS,
      'api.screen.concurrency': CONCURRENCY,
      'api.screen.errors': r.errors,
      'api.screen.record': kind,
    };
  } finally {
    await app.close();
    await cleanup();
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(JSON.stringify(await benchApi(), null, 2));
}
