import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../services/cli/scenario/generator.ts';
import type { Alert } from '../../shared/engine/alert.ts';
import { BullmqAlertSink } from '../../shared/ports/alert-sink/index.ts';
import { unique } from '../helpers/fixtures.ts';
import { eventually } from '../ports/event-log.contract.ts';
import {
  byId,
  createTopics,
  inTimeOrder,
  produce,
  REDIS_URL,
  scanOf,
  uniqueTopics,
} from './streaming-harness.ts';

const SCENARIO = { seed: 31, workers: 60, payRuns: 4 };
const scenario = generateScenario(SCENARIO);
const events = inTimeOrder(scenario.events);
const children = new Set<ChildProcess>();

interface Member {
  child: ChildProcess;
  owner: boolean;
  events: number;
}

async function spawnScreener(env: Record<string, string>): Promise<Member> {
  const child = spawn(process.execPath, ['bin/run-ts.mjs', 'test/screener/screener-process.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  const member: Member = { child, owner: false, events: 0 };
  const lines = createInterface({ input: child.stdout! });
  let ready!: () => void;
  const started = new Promise<void>((r) => {
    ready = r;
  });
  lines.on('line', (line) => {
    if (line === 'ready') return ready();
    const s = JSON.parse(line) as { events: number; owner: boolean };
    member.owner = s.owner;
    member.events = s.events;
  });
  await started;
  return member;
}

describe('a screener killed with SIGKILL mid-stream', () => {
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
  });

  it('three screeners, the engine owner killed and started again: the alerts of scan', async () => {
    const expected = byId(await scanOf(events, scenario.lists));
    const t = uniqueTopics('crash');
    await createTopics(t, 6);
    const queue = unique('crash-alerts');
    const env = {
      TEST_TOPICS: JSON.stringify(t),
      TEST_SCENARIO: JSON.stringify(SCENARIO),
      TEST_GROUP: unique('crash'),
      TEST_QUEUE: queue,
    };
    const members = await Promise.all([1, 2, 3].map(() => spawnScreener(env)));
    const producing = produce(events, t, { perSend: 25, pauseMs: 10 });
    await eventually(
      () => members.some((m) => m.owner && m.events > events.length / 4),
      'the engine to be a quarter through',
      120_000,
    );
    const victim = members.find((m) => m.owner)!;
    victim.child.kill('SIGKILL');
    await producing;
    members.push(await spawnScreener(env));
    await eventually(
      () => members.some((m) => m !== victim && m.owner),
      'another screener to take the engine over (after restoring its state)',
      60_000,
    );

    const sink = new BullmqAlertSink({ redisUrl: REDIS_URL, queueName: queue });
    let alerts: Alert[] = [];
    const same = () => JSON.stringify(alerts) === JSON.stringify(expected);
    const poll = async () => {
      alerts = byId(await sink.list());
    };
    const until = Date.now() + 150_000;
    while (!same() && Date.now() < until) {
      await poll();
      await new Promise((r) => setTimeout(r, 500));
    }
    // Nothing may arrive after the match either: wait, read again.
    await new Promise((r) => setTimeout(r, 3_000));
    await poll();
    expect(alerts.map((a) => a.id)).toEqual(expected.map((a) => a.id));
    expect(alerts).toEqual(expected);
    for (const m of members) m.child.kill('SIGTERM');
    await sink.close();
    const q = new Queue(queue, {
      connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }),
    });
    await q.obliterate({ force: true });
    await q.close();
  }, 300_000);
});
