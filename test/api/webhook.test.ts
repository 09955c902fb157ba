import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody, verifySignature, WebhookDispatcher } from '../../services/api/webhook/index.ts';
import { type DeliveryAttempt, RedisDeliveryLog } from '../../shared/ports/review-store/index.ts';
import { unique } from '../helpers/fixtures.ts';
import { bearer, makeAlert, testApp } from './helpers.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'test-webhook-secret-0123456789abcdef';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 that answers with the next status of a script, then 200. */
async function receiver(script: number[]) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = script.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const critical = (id: string) =>
  makeAlert({
    rule: 'sanctioned-counterparty',
    severity: 'critical',
    score: 100,
    subject: { kind: 'wallet', chain: 'ethereum', address: `0x${id.padStart(40, '0')}` },
  });

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('signed webhook for critical alerts', () => {
  const redis = new Redis(REDIS_URL);
  const logKey = unique('webhook-log');
  const queues: string[] = [];
  const log = new RedisDeliveryLog(redis, logKey);
  const dispatchers: WebhookDispatcher[] = [];
  const make = (url: string, attempts = 4) => {
    const queueName = unique('webhooks');
    queues.push(queueName);
    const d = new WebhookDispatcher({
      url,
      secret: SECRET,
      redisUrl: REDIS_URL,
      queueName,
      log,
      attempts,
      backoffMs: 40,
      timeoutMs: 2_000,
    });
    dispatchers.push(d);
    return d;
  };
  const attemptsFor = async (alertId: string) =>
    (await log.latest(100)).filter((a) => a.alertId === alertId).reverse();

  beforeAll(() => redis.ping());
  afterAll(async () => {
    for (const d of dispatchers) await d.close();
    for (const name of queues) {
      const q = new Queue(name, { connection: { url: REDIS_URL } });
      await q.obliterate({ force: true });
      await q.close();
    }
    await redis.del(logKey);
    await redis.quit();
  });

  it('signs the time and the exact body (t=...,v1=...), and refuses a replay outside the window', () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const sig = signBody(SECRET, '{"a":1}', at);
    expect(sig).toMatch(/^t=1796119200,v1=[0-9a-f]{64}$/);
    const within = { now: new Date(at.getTime() + 299_000) };
    expect(verifySignature(SECRET, '{"a":1}', sig, within)).toBe(true);
    expect(verifySignature(SECRET, '{"a":2}', sig, within)).toBe(false);
    expect(verifySignature('another-secret', '{"a":1}', sig, within)).toBe(false);
    expect(verifySignature(SECRET, '{"a":1}', undefined, within)).toBe(false);
    // The same signature six minutes later: a replay.
    expect(verifySignature(SECRET, '{"a":1}', sig, { now: new Date(at.getTime() + 360_000) })).toBe(
      false,
    );
    // A forged time with the old MAC does not verify.
    const forged = sig.replace('t=1796119200', 't=1796119500');
    expect(verifySignature(SECRET, '{"a":1}', forged, { now: at })).toBe(false);
  });

  it('retries with backoff until delivered, and logs every attempt', async () => {
    const hook = await receiver([503, 500]);
    const alert = critical('a1');
    const started = Date.now();
    expect(await make(hook.url).notify(alert)).toBe(true);
    const attempts = await until(
      () => attemptsFor(alert.id),
      (a) => a.some((x) => x.outcome === 'delivered'),
    );
    expect(attempts.map((a: DeliveryAttempt) => [a.attempt, a.status, a.outcome])).toEqual([
      [1, 503, 'retrying'],
      [2, 500, 'retrying'],
      [3, 200, 'delivered'],
    ]);
    // Backoff 40 ms, doubling: at least 40 + 80 ms between the first and the third attempt.
    expect(Date.now() - started).toBeGreaterThanOrEqual(120);
    expect(hook.received).toHaveLength(3);
    const bodies = new Set(hook.received.map((r) => r.body));
    expect(bodies.size).toBe(1);
    for (const r of hook.received) {
      expect(verifySignature(SECRET, r.body, r.headers['x-flowsentry-signature'] as string)).toBe(
        true,
      );
      expect(r.headers['x-flowsentry-event']).toBe('alert.critical');
    }
    expect(hook.received.map((r) => r.headers['x-flowsentry-attempt'])).toEqual(['1', '2', '3']);
    const payload = JSON.parse(hook.received[0]!.body);
    expect(payload).toMatchObject({
      event: 'alert.critical',
      alert: { id: alert.id, severity: 'critical' },
    });
    expect(payload.alert).not.toHaveProperty('evidence');
    await hook.close();
  });

  it('sends no legal name in the title, and never reads a reply body', async () => {
    // 50 MB of reply: reading it would show in the heap; the status is all that is needed.
    const big = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(1 << 20, 120);
        let left = 50;
        const push = () => {
          while (left > 0 && res.write(chunk)) left--;
          if (left > 0) res.once('drain', push);
          else res.end();
        };
        push();
      });
      res.on('error', () => undefined);
    });
    const bodies: string[] = [];
    big.on('request', (req) => {
      let b = '';
      req.on('data', (c) => {
        b += c;
      });
      req.on('end', () => bodies.push(b));
    });
    await new Promise<void>((resolve) => big.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(big.address() as AddressInfo).port}/hook`;
    const alert = {
      ...critical('a5'),
      title: 'Worker Jong In Chol matches OFAC entry SON KYONG SIK',
    };
    const before = process.memoryUsage().rss;
    await make(url).notify(alert);
    const attempts = await until(
      () => attemptsFor(alert.id),
      (a) => a.length > 0,
    );
    expect(attempts[0]).toMatchObject({ status: 200, outcome: 'delivered' });
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
    const sent = JSON.parse(bodies[0]!);
    expect(sent.alert.title).toBe('critical sanctioned-counterparty alert on a wallet');
    expect(bodies[0]).not.toMatch(/Jong|KYONG/i);
    big.closeAllConnections();
    await new Promise<void>((r) => big.close(() => r()));
  });

  it('delivers one alert once, however often it is notified; ignores other severities', async () => {
    const hook = await receiver([]);
    const d = make(hook.url);
    const alert = critical('a2');
    await Promise.all([d.notify(alert), d.notify(alert), d.notify(alert)]);
    expect(await d.notify({ ...alert, id: 'x-high', severity: 'high' })).toBe(false);
    await until(
      () => attemptsFor(alert.id),
      (a) => a.length > 0,
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(hook.received).toHaveLength(1);
    await hook.close();
  });

  it('gives up at once on a 4xx refusal, and after the last attempt when nothing answers', async () => {
    const hook = await receiver([400]);
    const refused = critical('a3');
    await make(hook.url).notify(refused);
    const one = await until(
      () => attemptsFor(refused.id),
      (a) => a.length > 0,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect((await attemptsFor(refused.id)).map((a) => [a.status, a.outcome])).toEqual([
      [400, 'failed'],
    ]);
    expect(one).toHaveLength(1);
    await hook.close();

    const gone = critical('a4');
    await make(hook.url, 2).notify(gone); // the server is closed: connection refused
    const failed = await until(
      () => attemptsFor(gone.id),
      (a) => a.some((x) => x.outcome === 'failed'),
    );
    expect(failed.map((a) => [a.attempt, a.status, a.outcome])).toEqual([
      [1, null, 'retrying'],
      [2, null, 'failed'],
    ]);
    expect(failed[0]!.error).toBeTruthy();
  });

  it('is fed by the API: critical alerts in the queue are sent, and the log is readable over HTTP', async () => {
    const hook = await receiver([]);
    const d = make(hook.url);
    const { app, alerts } = await testApp({ notifier: d, deliveryLog: log });
    await app.ready();
    const direct = alerts.find((a) => a.severity === 'critical')!;
    await until(
      () => attemptsFor(direct.id),
      (a) => a.length > 0,
    );
    expect(hook.received.map((r) => JSON.parse(r.body).alert.id)).toEqual([direct.id]);
    const res = await app.inject({
      method: 'GET',
      url: '/v1/webhooks/deliveries?limit=5',
      headers: bearer('admin'),
    });
    expect(res.json().items[0]).toMatchObject({
      alertId: direct.id,
      outcome: 'delivered',
      status: 200,
    });
    await app.close();
    await hook.close();
  });
});
