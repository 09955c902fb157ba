import { forTerminal } from '../log/terminal.ts';
import type { SnapshotDiff } from './diff.ts';
import type { CheckResult } from './screen.ts';
import type { ListStats } from './stats.ts';
import type { ListVersion } from './types.ts';

/**
 * Human-readable renderings for the CLI; the JSON forms are the objects themselves. Names,
 * chains and currencies come from list files, so every line is stripped of terminal codes
 * (and of line breaks that would forge lines).
 */

const counts = (m: Readonly<Record<string, number>>) =>
  Object.entries(m)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';

/** One version's stats as a short block of text. */
export function statsText(s: ListStats): string {
  return [
    `${s.version}  (${s.format ?? 'unknown format'}, published ${s.publishedAt}, loaded ${s.loadedAt})`,
    `  entries ${s.entries} (${s.entriesWithAddresses} with addresses): ${counts(s.byKind)}`,
    `  addresses ${s.addresses}: ${counts(s.byChain)}`,
    `  by currency: ${counts(s.byCurrency)}`,
  ]
    .map((line) => forTerminal(line))
    .join('\n');
}

/** A diff as text: the counts, then each added or removed entry and address (up to `limit` each). */
export function diffText(d: SnapshotDiff, limit = 50): string {
  const lines = [
    `${d.from} -> ${d.to}`,
    `  entries: +${d.addedEntries.length} -${d.removedEntries.length} ~${d.changedEntries.length}`,
    `  addresses: +${d.addedAddresses.length} -${d.removedAddresses.length}`,
  ];
  const section = <T>(title: string, items: readonly T[], show: (item: T) => string) => {
    if (items.length === 0) return;
    lines.push(`${title}:`);
    for (const item of items.slice(0, limit)) lines.push(`  ${forTerminal(show(item))}`);
    if (items.length > limit) lines.push(`  ... ${items.length - limit} more (use --json for all)`);
  };
  section('added entries', d.addedEntries, (e) => `+ ${e.entryId} ${e.name} (${e.kind})`);
  section('removed entries', d.removedEntries, (e) => `- ${e.entryId} ${e.name} (${e.kind})`);
  section(
    'changed entries',
    d.changedEntries,
    (e) => `~ ${e.entryId} ${e.name}: ${e.fields.join(', ')}`,
  );
  section(
    'added addresses',
    d.addedAddresses,
    (a) => `+ ${a.chain} ${a.address} (${a.entryId} ${a.name})`,
  );
  section(
    'removed addresses',
    d.removedAddresses,
    (a) => `- ${a.chain} ${a.address} (${a.entryId} ${a.name})`,
  );
  return lines.join('\n');
}

/** One version in a listing, marked when active. */
export function versionLine(v: ListVersion, active: boolean): string {
  const mark = active ? '*' : ' ';
  return forTerminal(
    `${mark} ${v.id}  ${v.entryCount} entries, ${v.addressCount} addresses, loaded ${v.loadedAt}`,
  );
}

/** A screening result as one line of text. */
export function checkText(r: CheckResult): string {
  const note = r.note ? `  note: ${r.note}` : '';
  if (!r.hit) return forTerminal(`ok   ${r.address} (${r.chain})${note}`);
  const names = r.matches.map((m) => {
    const programs = m.programs.length ? ` [${m.programs.join(', ')}]` : '';
    return `${m.name}${programs} ${m.category}, entry ${m.entryId} in ${m.listVersion}`;
  });
  return forTerminal(`HIT  ${r.address} (${r.chain})  ${names.join('; ')}${note}`);
}
