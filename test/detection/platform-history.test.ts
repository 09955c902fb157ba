import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { saveInputs } from '../../services/cli/demo/save-inputs.ts';
import { runScan } from '../../services/cli/embedded/index.ts';
import { main } from '../../services/cli/main.ts';
import {
  generateScenario,
  type PlantedCase,
  type Scenario,
} from '../../services/cli/scenario/index.ts';
import { LAZARUS_WALLET } from '../../services/cli/scenario/lists.ts';
import type { Alert } from '../../shared/engine/index.ts';
import { tempDir } from '../cli/embedded/helpers.ts';

/** Runs `flowsentry scan` in process over files; alerts out, stderr as text. */
async function scan(events: string[], lists: readonly string[]) {
  let out = '';
  let err = '';
  const sink = (add: (t: string) => void) =>
    new Writable({
      write(chunk, _e, done) {
        add(String(chunk));
        done();
      },
    });
  const code = await runScan(
    { events, lists, format: 'json', strict: false },
    {
      stdout: sink((t) => (out += t)),
      stderr: sink((t) => (err += t)),
      env: { FLOWSENTRY_HOME: join(dir, 'home') },
    },
  );
  const alerts = out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Alert);
  return { code, alerts, stderr: err };
}

/** True when an alert under the case's rule names the case's worker (subject, related workers or evidence). */
function namesWorker(a: Alert, c: PlantedCase): boolean {
  if (a.rule !== c.rule || !c.workerId) return false;
  return (
    a.subject.workerId === c.workerId ||
    a.related.workers.includes(c.workerId) ||
    a.evidence.some((e) => e.kind === 'fact' && e.label === `worker ${c.workerId}`)
  );
}

const dir = tempDir('history');
let s: Scenario;
let files: { events: string; lists: readonly string[] };
let alerts: Alert[];

beforeAll(async () => {
  s = generateScenario({ seed: 20261205, workers: 400, payRuns: 6 });
  files = await saveInputs(join(dir, 'inputs'), s);
  const run = await scan([files.events], files.lists);
  expect(run.code).toBe(0);
  alerts = run.alerts;
}, 60_000);

const variants = () =>
  s.planted.filter((c) =>
    /t\.me|on the profile|after the report|Lazarus sends|SIM HYON SOP|91% of the third|to the profile three days later|payout wallet through (one|two) wallet/.test(
      c.description,
    ),
  );

describe('a platform history with the variants a plain match misses', () => {
  it("plants every variant: link contact, wallet on file and added later, inbound funds (also before the wallet was the worker's, and through one or two wallets), fast exposure", () => {
    expect(
      variants()
        .map((c) => c.rule)
        .sort(),
    ).toEqual([
      'extortion-contact',
      'extortion-wallet',
      'extortion-wallet',
      'sanctioned-counterparty',
      'sanctioned-counterparty',
      'sanctioned-counterparty',
      'sanctioned-exposure',
      'sanctioned-exposure',
      'sanctioned-exposure',
    ]);
  });

  it('alerts on each under its rule, with evidence naming the worker', () => {
    for (const c of variants()) {
      const hit = alerts.filter((a) => namesWorker(a, c));
      expect(hit, c.description).not.toEqual([]);
      if (c.rule !== 'extortion-contact')
        expect(
          hit.some((a) =>
            a.evidence.some((e) => e.kind === 'fact' && e.label === `worker ${c.workerId}`),
          ),
          c.description,
        ).toBe(true);
      if (c.severity)
        expect(
          hit.map((a) => a.severity),
          c.description,
        ).toContain(c.severity);
    }
  });

  it('keeps every clean look-alike quiet: no alert under its rule names that worker or wallet', () => {
    const loud = s.decoys.filter((c) =>
      alerts.some(
        (a) =>
          namesWorker(a, c) ||
          (c.wallet !== undefined &&
            a.rule === c.rule &&
            a.subject.address?.toLowerCase() === c.wallet.toLowerCase()),
      ),
    );
    expect(loud).toEqual([]);
  });

  it('gives the hop path from Lazarus to the worker for money that came through other wallets', () => {
    const layered = variants().filter((c) => /payout wallet through/.test(c.description));
    expect(layered).toHaveLength(2);
    for (const c of layered) {
      const a = alerts.find(
        (x) => namesWorker(x, c) && x.subject.address?.toLowerCase() === c.wallet,
      )!;
      const path = a.evidence.find((e) => e.kind === 'hop-path');
      const hops = path && 'hops' in path ? path.hops : [];
      expect(hops[0]?.from.toLowerCase(), c.description).toBe(LAZARUS_WALLET.toLowerCase());
      expect(hops.at(-1)?.to.toLowerCase(), c.description).toBe(c.wallet);
      expect(hops.length, c.description).toBe(/one wallet/.test(c.description) ? 2 : 3);
    }
  });

  it('reports the share of the payout, not of all pay, for the fast exposure', () => {
    const c = variants().find((x) => x.rule === 'sanctioned-exposure')!;
    const a = alerts.find((x) => namesWorker(x, c))!;
    expect(a.title).toMatch(/^91% of worker .*'s payout .* within 2 h$/);
    const exposure = a.evidence.find((e) => e.kind === 'fact' && e.label === 'exposure');
    // Two payouts were kept in the wallet before the third: all pay there is about three payouts.
    const [, total] = /; (\d+)% of all pay/.exec(
      String(exposure && 'value' in exposure && exposure.value),
    )!;
    expect(Number(total)).toBeGreaterThan(20);
    expect(Number(total)).toBeLessThan(40);
  });
});

/** True when an alert under the case's rule ties at least two of a group case's workers. */
function tiesGroup(a: Alert, c: PlantedCase): boolean {
  if (a.rule !== c.rule || !c.workers) return false;
  const named = new Set([a.subject.workerId, ...a.related.workers]);
  return c.workers.filter((w) => named.has(w)).length >= 2;
}

describe('one value written the ways teams and tools write it', () => {
  const spellings = (cases: readonly PlantedCase[]) =>
    cases.filter((c) =>
      /WhatsApp link|"Telegram @|display name|IPv6 router|spaces and with dashes|eight parts|payment link|reported wallet pays/.test(
        c.description,
      ),
    );

  it('plants a phone as a WhatsApp link, a handle and a mailbox respelled, a farm typed differently, a split sweep', () => {
    expect(
      spellings(s.planted)
        .map((c) => c.rule)
        .sort(),
    ).toEqual([
      'extortion-contact',
      'extortion-contact',
      'extortion-contact',
      'extortion-wallet',
      'extortion-wallet',
      'sanctioned-exposure',
      'shared-device',
      'shared-device',
    ]);
  });

  it('alerts on each under its rule, naming the worker or tying the group', () => {
    for (const c of spellings(s.planted)) {
      const hit = alerts.filter((a) => (c.workers ? tiesGroup(a, c) : namesWorker(a, c)));
      expect(hit, c.description).not.toEqual([]);
      if (c.severity)
        expect(
          hit.map((a) => a.severity),
          c.description,
        ).toContain(c.severity);
    }
  });

  it('keeps the group look-alikes apart: adjacent IPv6 addresses, accounts one digit apart', () => {
    const groups = s.decoys.filter((c) => c.workers);
    expect(groups.map((c) => c.description)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/adjacent IPv6/),
        expect.stringMatching(/one digit apart/),
      ]),
    );
    expect(groups.filter((c) => alerts.some((a) => tiesGroup(a, c)))).toEqual([]);
  });
});

describe('the same history as a platform delivers it', () => {
  it('gives the same alerts when chain events come late, out of order and twice', async () => {
    const lines = s.events.map((e) => JSON.stringify(e));
    // Chain events an hour late (moved ~40 lines on), and every 50th line delivered twice.
    const messy: string[] = [];
    const late: string[] = [];
    lines.forEach((line, i) => {
      if (line.includes('"transfer.observed"') && i % 7 === 0) late.push(line);
      else messy.push(line);
      if (i % 50 === 0) messy.push(line);
      if (i % 40 === 0) messy.push(...late.splice(0));
    });
    messy.push(...late);
    const file = join(dir, 'messy.jsonl');
    writeFileSync(file, `${messy.join('\n')}\n`);
    const run = await scan([file], files.lists);
    const key = (as: readonly Alert[]) => as.map((a) => `${a.id} ${a.count}`).sort();
    expect(key(run.alerts)).toEqual(key(alerts));
  }, 60_000);
});

describe('a plain CSV table of persons', () => {
  it('loads as its own list version and screens identities in scan', async () => {
    const persons = join(dir, 'watch-persons.csv');
    writeFileSync(
      persons,
      'Name,Aliases,Date of Birth,Nationality,Program,Source\n' +
        'Jong In Chol,Chong In Chol,22 Apr 1978,KP,DPRK3,internal watch list\n' +
        'Maria Example,,31.12.1990,ES,INTERNAL,desk note\n',
    );
    const run = await scan([files.events], [persons]);
    const matches = run.alerts.filter((a) => a.rule === 'identity-match');
    const network = s.planted.find((c) => c.description.includes('Chong In-chol'))!;
    const hit = matches.find((a) => a.subject.workerId === network.workerId);
    expect(hit?.evidence).toContainEqual(
      expect.objectContaining({
        kind: 'list-entry',
        name: 'Jong In Chol',
        listVersion: expect.stringMatching(/^csv:watch-persons@/),
      }),
    );
    expect(matches.some((a) => a.title.includes('Maria Example'))).toBe(false);
  }, 60_000);

  it('loads a table exported with semicolons, a byte order mark and the name in two columns', async () => {
    const persons = join(dir, 'export-persons.csv');
    writeFileSync(
      persons,
      '\ufeffLast Name;First Name;Alias(es);D.O.B.;Nationality\r\n' +
        'JONG;In Chol;"Chong In-chol | In Chol Jong";22.04.1978;KP\r\n' +
        'Example;Maria;;31/12/1990;ES\r\n',
    );
    const run = await scan([files.events], [persons]);
    expect(run.code).toBe(0);
    const network = s.planted.find((c) => c.description.includes('Chong In-chol'))!;
    const hit = run.alerts.find(
      (a) => a.rule === 'identity-match' && a.subject.workerId === network.workerId,
    );
    expect(hit?.evidence).toContainEqual(
      expect.objectContaining({ kind: 'list-entry', name: 'JONG In Chol' }),
    );
    expect(run.alerts.some((a) => a.title.includes('Example Maria'))).toBe(false);
  }, 60_000);

  it('refuses a table of something else with one line and exit code 2', async () => {
    const invoices = join(dir, 'invoices.csv');
    writeFileSync(invoices, 'Invoice;Amount;Date\n2026-001;1200,00;05.01.2026\n');
    const written: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const code = await main(['scan', '--events', files.events, '--lists', invoices]);
      expect(code).toBe(2);
    } finally {
      stderr.mockRestore();
    }
    expect(written.join('').trim().split('\n')).toEqual([
      expect.stringMatching(/^flowsentry: .*invoices\.csv.*unknown list format/),
    ]);
  }, 60_000);
});
