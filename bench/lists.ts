// Lists: the full OFAC SDN_ADVANCED.XML import (time and peak memory, measured in a child
// process so its maxRSS is the import's own) and `check` lookups per second.
//   node bin/run-ts.mjs bench/lists.ts
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AddressScreen,
  FileListRepository,
  type ListSnapshot,
  loadListFile,
  TagIndex,
} from '../shared/lists/index.ts';

const FULL = resolve('..', 'shared', 'data', 'ofac', 'sdn_advanced_2025-11-19.xml.bz2');
const LOOKUPS = 300_000;
const CLI_ADDRESSES = 100_000;

interface ChildImport {
  readonly totalMs: number;
  readonly loadMs: number;
  readonly saveMs: number;
  readonly maxRssMb: number;
  readonly entries: number;
  readonly addresses: number;
}

/** Child mode: import FILE into HOME, then print what it took. */
async function childImport(file: string, home: string, bzip2: 'auto' | 'js'): Promise<void> {
  const t0 = performance.now();
  const snapshot = await loadListFile(file, { bzip2 });
  const t1 = performance.now();
  await new FileListRepository(home).save(snapshot);
  const t2 = performance.now();
  const result: ChildImport = {
    totalMs: t2 - t0,
    loadMs: t1 - t0,
    saveMs: t2 - t1,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    entries: snapshot.version.entryCount,
    addresses: snapshot.version.addressCount,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function run(
  args: readonly string[],
  stdin?: string,
): Promise<{ stdout: string; ms: number; code: number }> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: process.env,
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ stdout, ms: performance.now() - t0, code: code ?? -1 }));
    child.stdin.end(stdin ?? '');
  });
}

async function importInChild(home: string, bzip2: 'auto' | 'js'): Promise<ChildImport> {
  const out = await run(['bin/run-ts.mjs', 'bench/lists.ts', '--child-import', FULL, home, bzip2]);
  if (out.code !== 0) throw new Error(`import child exited ${out.code}`);
  return JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as ChildImport;
}

/** Screens listed and clean addresses in turn (1 in 10 listed) on the full list. */
function lookupsPerSecond(snapshot: ListSnapshot): number {
  const screen = new AddressScreen(new TagIndex([snapshot]));
  const listed = snapshot.entries.flatMap((e) => e.addresses.map((a) => a.address));
  const clean = Array.from({ length: 1000 }, () => `0x${randomBytes(20).toString('hex')}`);
  let hits = 0;
  const t0 = performance.now();
  for (let i = 0; i < LOOKUPS; i++) {
    const address = i % 10 === 0 ? listed[i % listed.length]! : clean[i % clean.length]!;
    if (screen.screen(address).hit) hits++;
  }
  const seconds = (performance.now() - t0) / 1000;
  if (hits < LOOKUPS / 10) throw new Error(`only ${hits} hits`);
  return LOOKUPS / seconds;
}

/** Wall time of `flowsentry check -` over CLI_ADDRESSES addresses, start-up and list load included. */
async function cliCheck(home: string, snapshot: ListSnapshot): Promise<number> {
  const listed = snapshot.entries.flatMap((e) => e.addresses.map((a) => a.address));
  const lines = Array.from({ length: CLI_ADDRESSES }, (_, i) =>
    i % 10 === 0 ? listed[i % listed.length] : `0x${randomBytes(20).toString('hex')}`,
  );
  process.env.FLOWSENTRY_HOME = home;
  const out = await run(['bin/flowsentry.mjs', 'check', '-'], `${lines.join('\n')}\n`);
  if (out.code !== 1) throw new Error(`check exited ${out.code}`);
  return out.ms;
}

/** Import time and peak RSS of the full OFAC file, and screening throughput. */
export async function benchLists(): Promise<Record<string, number | string>> {
  if (!existsSync(FULL)) return { 'lists.skipped': `${FULL} not found (needs ../shared/data)` };
  const home = mkdtempSync(join(tmpdir(), 'fs-bench-lists-'));
  try {
    const imported = await importInChild(home, 'auto');
    const js = await importInChild(mkdtempSync(join(tmpdir(), 'fs-bench-lists-js-')), 'js');
    const snapshot = (await new FileListRepository(home).active())[0]!;
    const cliMs = await cliCheck(home, snapshot);
    return {
      'lists.import_full_ofac_s': round(imported.totalMs / 1000),
      'lists.import_parse_s': round(imported.loadMs / 1000),
      'lists.import_save_s': round(imported.saveMs / 1000),
      'lists.import_peak_rss_mb': Math.round(imported.maxRssMb),
      'lists.import_js_bzip2_s': round(js.totalMs / 1000),
      'lists.import_js_bzip2_peak_rss_mb': Math.round(js.maxRssMb),
      'lists.entries': imported.entries,
      'lists.addresses': imported.addresses,
      'lists.check_lookups_per_s': Math.round(lookupsPerSecond(snapshot)),
      'lists.check_cli_addresses_per_s': Math.round(CLI_ADDRESSES / (cliMs / 1000)),
      'lists.check_cli_100k_s': round(cliMs / 1000),
    };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [flag, file, home, bzip2] = process.argv.slice(2);
  if (flag === '--child-import' && file && home)
    await childImport(file, home, bzip2 === 'js' ? 'js' : 'auto');
  else console.log(JSON.stringify(await benchLists(), null, 2));
}
