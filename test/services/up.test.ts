import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/engine/alert.ts';
import { payoutExecuted, unique } from '../helpers/fixtures.ts';

const BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const PORT = 18_000 + Math.floor(Math.random() * 2_000);
const TOKEN = 'analyst-token-for-the-up-test';
// Sim Hyon Sop's address, listed in the project's sdn.csv fixture under ETH, ARB and BSC.
const LISTED = '0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c';

/** One environment for the whole run: its own topics, queue, group and Redis key prefix. */
const env = {
  ...process.env,
  KAFKA_BROKERS: BROKERS,
  FLOWSENTRY_TOPIC_PAYROLL: unique('payroll.events'),
  FLOWSENTRY_TOPIC_TRANSFERS: unique('chain.transfers'),
  FLOWSENTRY_TOPIC_INTEL: unique('intel.reports'),
  FLOWSENTRY_TOPIC_DLQ: unique('flowsentry.dlq'),
  FLOWSENTRY_GROUP_ID: unique('screener'),
  FLOWSENTRY_ALERT_QUEUE: unique('alerts'),
  FLOWSENTRY_REDIS_PREFIX: unique('fs-up'),
  FLOWSENTRY_API_PORT: String(PORT),
  FLOWSENTRY_API_TOKENS: `${TOKEN}:analyst`,
  LOG_LEVEL: 'warn',
};

function cli(args: string[]) {
  return spawnSync(process.execPath, ['bin/flowsentry.mjs', ...args], { env, encoding: 'utf8' });
}

async function alerts(): Promise<Alert[]> {
  const res = await fetch(`http://127.0.0.1:${PORT}/v1/alerts`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  if (!res.ok) throw new Error(`GET /v1/alerts answered ${res.status}`);
  const body = (await res.json()) as { items?: Alert[]; alerts?: Alert[] };
  return body.items ?? body.alerts ?? [];
}

describe('flowsentry up: every service in one process, as an operator runs it', () => {
  let up: ChildProcess;
  let exited: Promise<number | null>;
  let logs = '';

  beforeAll(async () => {
    const imported = cli([
      'lists',
      'import',
      '--redis',
      'test/fixtures/lists/sdn.csv',
      'test/fixtures/lists/sdn_comments.csv',
    ]);
    expect(imported.status, imported.stderr).toBe(0);
    up = spawn(process.execPath, ['bin/flowsentry.mjs', 'up'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Read stderr as it comes: an unread pipe fills up and blocks the service's logger.
    up.stderr?.on('data', (chunk: Buffer) => {
      logs += chunk.toString();
    });
    exited = new Promise((resolve) => up.on('exit', resolve));
    let healthy = false;
    const until = Date.now() + 60_000;
    while (!healthy && Date.now() < until && up.exitCode === null) {
      healthy = await fetch(`http://127.0.0.1:${PORT}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!healthy) await new Promise((r) => setTimeout(r, 250));
    }
    expect(healthy, 'the API of `flowsentry up` answers /health').toBe(true);
  });
  afterAll(async () => {
    if (up.exitCode === null) up.kill('SIGKILL');
  });

  it('screens a payout produced into Kafka against the imported list and serves the alert over HTTP', async () => {
    const kafka = new Kafka({ brokers: [BROKERS], logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const payout = payoutExecuted({
      workerId: 'w-up-1',
      payoutId: 'po-up-1',
      toAddress: LISTED,
      chain: 'arbitrum',
    });
    await producer.send({
      topic: env.FLOWSENTRY_TOPIC_PAYROLL,
      messages: [{ key: 'w-up-1', value: JSON.stringify(payout) }],
    });
    await producer.disconnect();
    let found: Alert | undefined;
    const until = Date.now() + 60_000;
    while (!found && Date.now() < until) {
      found = (await alerts()).find((a) => a.rule === 'sanctioned-counterparty');
      if (!found) await new Promise((r) => setTimeout(r, 500));
    }
    expect(found?.subject.address?.toLowerCase()).toBe(LISTED);
    const detail = await fetch(`http://127.0.0.1:${PORT}/v1/alerts/${found!.id}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const body = JSON.stringify(await detail.json());
    expect(body).toMatch(/SIM, Hyon Sop/i);
    expect(body).toMatch(/ofac-sdn@/);
  });

  it('stops cleanly on SIGTERM', async () => {
    up.kill('SIGTERM');
    expect(await exited, logs).toBe(0);
  });
});
