import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  diffSnapshots,
  diffText,
  type ListRepository,
  type ListSnapshot,
  type ListsConfig,
  listStats,
  listsConfig,
  loadListFile,
  loadListFiles,
  openListRepository,
  statsText,
  syncOfac,
  versionLine,
} from '../../../shared/lists/index.ts';
import { forTerminal, jsonForTerminal } from '../../../shared/log/terminal.ts';
import { UsageError } from '../usage-error.ts';

interface CommonOptions {
  readonly json?: boolean;
  readonly redis?: boolean;
}

// List names, sources and warnings come from the files: nothing in them may steer the terminal.
const say = (line: string) => process.stdout.write(`${forTerminal(line, { newlines: true })}\n`);
const sayJson = (value: unknown) =>
  process.stdout.write(`${jsonForTerminal(JSON.stringify(value))}\n`);
const warn = (message: string) =>
  process.stderr.write(`flowsentry: warning: ${forTerminal(message)}\n`);

/** Adds the options every `lists` subcommand shares. */
const sub = (lists: Command, name: string) =>
  lists
    .command(name)
    .option('--json', 'JSON output')
    .option('--redis', 'use the Redis repository (as FLOWSENTRY_LISTS=redis)');

/** Registers `flowsentry lists import|stats|diff|sync|versions|activate`. */
export function registerLists(program: Command): void {
  const lists = program
    .command('lists')
    .description('load, compare and sync sanctions and intel lists');
  registerImport(lists);
  registerReports(lists);
  registerVersions(lists);
}

function registerImport(lists: Command): void {
  sub(lists, 'import')
    .argument('<files...>', 'list files, detected by content (.bz2, .gz, .zip welcome)')
    .description('load list files; each becomes a version and the active one of its source')
    .option('--source <name>', 'name the list (default: from the content or the file name)')
    .option('--no-activate', 'store the version without switching to it')
    .action((files: string[], o: CommonOptions & { source?: string; activate: boolean }) =>
      withRepo(o, (repo) => importFiles(repo, files, o)),
    );
  sub(lists, 'sync')
    .description('download the official OFAC SDN_ADVANCED file, verify it and activate it')
    .option('--url <url>', 'download from here (default FLOWSENTRY_OFAC_URL or OFAC)')
    .option('--checksum-url <url>', 'a file with the sha256 the download must have')
    .action((o: CommonOptions & { url?: string; checksumUrl?: string }) =>
      withRepo(o, (repo, c) => sync(repo, c, o)),
    );
}

function registerReports(lists: Command): void {
  sub(lists, 'stats')
    .argument('[versions...]', 'version ids, sources or files (default: active)')
    .description('counts of the active versions: entries, kinds, addresses by chain')
    .action((refs: string[], o: CommonOptions) => withRepo(o, (repo) => stats(repo, refs, o)));
  sub(lists, 'diff')
    .argument('<from>')
    .argument('<to>')
    .description(
      'entries and addresses added and removed between two versions (ids, sources or files)',
    )
    .option('--limit <n>', 'items shown per section in text output', '50')
    .action((from: string, to: string, o: CommonOptions & { limit: string }) =>
      withRepo(o, (repo) => diff(repo, from, to, o)),
    );
}

function registerVersions(lists: Command): void {
  sub(lists, 'versions')
    .description('every stored version, the active ones marked *')
    .action((o: CommonOptions) => withRepo(o, (repo) => versions(repo, o)));
  sub(lists, 'activate')
    .argument('<version>')
    .description('make a stored version active again (a rollback)')
    .action((id: string, o: CommonOptions) =>
      withRepo(o, async (repo) => {
        await repo.activate(id);
        say(`activated ${id}`);
      }),
    );
}

async function withRepo(
  o: CommonOptions,
  run: (repo: ListRepository, c: ListsConfig) => Promise<void>,
): Promise<void> {
  const config = listsConfig();
  const repo = await openListRepository(config, o.redis === true || undefined);
  try {
    await run(repo, config);
  } finally {
    await repo.close();
  }
}

async function importFiles(
  repo: ListRepository,
  files: string[],
  o: CommonOptions & { source?: string; activate: boolean },
) {
  const missing = files.find((f) => !existsSync(f));
  if (missing) throw new UsageError(`lists import: no such file: ${missing}`);
  // Every file is loaded and checked before anything is saved: one bad file changes nothing.
  const snapshots = await loadListFiles(files, { warn, ...(o.source ? { source: o.source } : {}) });
  const before = await repo.activeVersionIds();
  for (const snapshot of snapshots) {
    const v = snapshot.version;
    const previous = Object.hasOwn(before, v.source) ? before[v.source] : undefined;
    const delta =
      previous && previous !== v.id ? diffSnapshots(await repo.get(previous), snapshot) : undefined;
    await repo.save(snapshot, { activate: o.activate });
    const state = !o.activate ? 'stored' : previous === v.id ? 'already active' : 'active';
    const change = delta
      ? {
          previous,
          addedAddresses: delta.addedAddresses.length,
          removedAddresses: delta.removedAddresses.length,
        }
      : {};
    if (o.json) sayJson({ version: v, state, ...change });
    else {
      const vs = delta
        ? `, +${change.addedAddresses}/-${change.removedAddresses} addresses vs ${previous}`
        : '';
      say(
        `imported ${v.id}: ${v.entryCount} entries, ${v.addressCount} addresses (${v.format}) - ${state}${vs}`,
      );
    }
  }
}

async function stats(repo: ListRepository, refs: string[], o: CommonOptions) {
  const snapshots = refs.length
    ? await Promise.all(refs.map((r) => resolve(repo, r)))
    : await repo.active();
  if (snapshots.length === 0) say('no list is loaded; run `flowsentry lists import FILE`');
  for (const s of snapshots) {
    if (o.json) sayJson(listStats(s));
    else say(statsText(listStats(s)));
  }
}

async function diff(
  repo: ListRepository,
  from: string,
  to: string,
  o: CommonOptions & { limit: string },
) {
  const limit = Number(o.limit);
  if (!Number.isInteger(limit) || limit < 0)
    throw new UsageError(`lists diff: --limit must be a whole number, got ${o.limit}`);
  const d = diffSnapshots(await resolve(repo, from), await resolve(repo, to));
  if (o.json) sayJson(d);
  else say(diffText(d, limit));
}

async function sync(
  repo: ListRepository,
  c: ListsConfig,
  o: CommonOptions & { url?: string; checksumUrl?: string },
) {
  const checksumUrl = o.checksumUrl ?? c.ofacChecksumUrl;
  const result = await syncOfac(repo, {
    url: o.url ?? c.ofacUrl,
    ...(checksumUrl ? { checksumUrl } : {}),
    attempts: c.syncAttempts,
    timeoutMs: c.syncTimeoutMs,
    backoffMs: c.syncBackoffMs,
    workDir: join(c.home, 'tmp'),
    warn,
    onRetry: (attempt, reason) =>
      process.stderr.write(
        `flowsentry: lists sync: attempt ${attempt} failed: ${forTerminal(reason)}; retrying\n`,
      ),
  });
  const v = result.version;
  if (o.json) sayJson(result);
  else
    say(
      `${result.status === 'updated' ? 'synced' : 'unchanged'} ${v.id}: ${v.entryCount} entries, ${v.addressCount} addresses`,
    );
}

async function versions(repo: ListRepository, o: CommonOptions) {
  const active = new Set(Object.values(await repo.activeVersionIds()));
  for (const v of await repo.versions()) {
    if (o.json) sayJson({ ...v, active: active.has(v.id) });
    else say(versionLine(v, active.has(v.id)));
  }
}

/** A version named by a file path, a version id, a source (its active version) or a unique id prefix. */
async function resolve(repo: ListRepository, ref: string): Promise<ListSnapshot> {
  if (existsSync(ref)) return loadListFile(ref, { warn });
  const active = await repo.activeVersionIds();
  // hasOwn: a reference such as `constructor` is a name to look up, not a property.
  if (Object.hasOwn(active, ref)) return repo.get(active[ref]!);
  const ids = (await repo.versions())
    .map((v) => v.id)
    .filter((id) => id === ref || id.startsWith(ref));
  if (ids.length === 1 || ids.includes(ref)) return repo.get(ids.includes(ref) ? ref : ids[0]!);
  const why = ids.length
    ? `is ambiguous (${ids.slice(0, 3).join(', ')}...)`
    : 'is neither a file, a source nor a version id';
  throw new UsageError(`lists: ${JSON.stringify(ref)} ${why}`);
}
