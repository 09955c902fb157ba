import type { ListEntry, ListedAddress, ListSnapshot } from './types.ts';

/** An entry named in a diff. */
export interface EntryRef {
  readonly entryId: string;
  readonly name: string;
  readonly kind: ListEntry['kind'];
}

/** An entry present in both versions whose content changed, and which of its fields did. */
export interface ChangedEntry extends EntryRef {
  readonly fields: readonly ('name' | 'aliases' | 'programs' | 'addresses' | 'kind')[];
}

/** An address key that appears or disappears, with the entry that lists it. */
export interface AddressChange {
  readonly key: string;
  readonly chain: string;
  readonly address: string;
  readonly currency?: string;
  readonly entryId: string;
  readonly name: string;
}

/** What changed from one version to another: entries by entry id, addresses by match key. */
export interface SnapshotDiff {
  readonly from: string;
  readonly to: string;
  readonly addedEntries: readonly EntryRef[];
  readonly removedEntries: readonly EntryRef[];
  readonly changedEntries: readonly ChangedEntry[];
  readonly addedAddresses: readonly AddressChange[];
  readonly removedAddresses: readonly AddressChange[];
}

const ref = (e: ListEntry): EntryRef => ({ entryId: e.entryId, name: e.name, kind: e.kind });

function byId(snapshot: ListSnapshot): Map<string, ListEntry> {
  return new Map(snapshot.entries.map((e) => [e.entryId, e]));
}

/** The first entry naming each address key, and the listed address it names. */
function byKey(snapshot: ListSnapshot): Map<string, { entry: ListEntry; address: ListedAddress }> {
  const out = new Map<string, { entry: ListEntry; address: ListedAddress }>();
  for (const entry of snapshot.entries) {
    for (const address of entry.addresses)
      if (!out.has(address.key)) out.set(address.key, { entry, address });
  }
  return out;
}

// OFAC's formats differ in letter case ("SIM, Hyon Sop" / "Sim, Hyon Sop"): case is no change.
const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const sameList = (a: readonly string[], b: readonly string[]) =>
  [...a].sort().join('\n') === [...b].sort().join('\n');
const keysOf = (e: ListEntry) => [...new Set(e.addresses.map((a) => a.key))];

function changedFields(a: ListEntry, b: ListEntry): ChangedEntry['fields'] {
  const fields: ChangedEntry['fields'][number][] = [];
  if (!sameText(a.name, b.name)) fields.push('name');
  if (a.kind !== b.kind) fields.push('kind');
  const lower = (names: readonly string[]) => names.map((n) => n.toLowerCase());
  if (!sameList(lower(a.aliases), lower(b.aliases))) fields.push('aliases');
  if (!sameList(a.programs, b.programs)) fields.push('programs');
  if (!sameList(keysOf(a), keysOf(b))) fields.push('addresses');
  return fields;
}

function addressChanges(
  from: Map<string, { entry: ListEntry; address: ListedAddress }>,
  to: Map<string, { entry: ListEntry; address: ListedAddress }>,
): AddressChange[] {
  const out: AddressChange[] = [];
  for (const [key, { entry, address }] of from) {
    if (to.has(key)) continue;
    const change = {
      key,
      chain: address.chain,
      address: address.address,
      entryId: entry.entryId,
      name: entry.name,
    };
    out.push(address.currency ? { ...change, currency: address.currency } : change);
  }
  return out;
}

/** Compares two versions: entries added, removed and changed, and address keys added and removed. */
export function diffSnapshots(from: ListSnapshot, to: ListSnapshot): SnapshotDiff {
  const a = byId(from);
  const b = byId(to);
  const changedEntries: ChangedEntry[] = [];
  for (const [id, entry] of a) {
    const next = b.get(id);
    const fields = next ? changedFields(entry, next) : [];
    if (next && fields.length) changedEntries.push({ ...ref(next), fields });
  }
  const keysA = byKey(from);
  const keysB = byKey(to);
  return {
    from: from.version.id,
    to: to.version.id,
    addedEntries: [...b.values()].filter((e) => !a.has(e.entryId)).map(ref),
    removedEntries: [...a.values()].filter((e) => !b.has(e.entryId)).map(ref),
    changedEntries,
    addedAddresses: addressChanges(keysB, keysA),
    removedAddresses: addressChanges(keysA, keysB),
  };
}
