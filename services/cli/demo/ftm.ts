import type { ListEntry, ListSnapshot } from '../../../shared/lists/types.ts';

const SCHEMA: Readonly<Record<ListEntry['kind'], string>> = {
  person: 'Person',
  entity: 'Organization',
  vessel: 'Vessel',
  aircraft: 'Airplane',
  wallet: 'CryptoWallet',
  unknown: 'LegalEntity',
};

/** The FtM topic a list category is published under (OpenSanctions' own words where they exist). */
function topicOf(entry: ListEntry): string {
  return entry.category === 'sanctions' ? 'sanction' : entry.category;
}

function party(entry: ListEntry, lastChange: string): object {
  const properties: Record<string, string[]> = {
    name: [entry.name],
    topics: [topicOf(entry)],
    ...(entry.aliases.length ? { alias: [...entry.aliases] } : {}),
    ...(entry.programs.length ? { program: [...entry.programs] } : {}),
    ...(entry.datesOfBirth?.length ? { birthDate: [...entry.datesOfBirth] } : {}),
    ...(entry.nationalities?.length ? { nationality: [...entry.nationalities] } : {}),
  };
  return { id: entry.entryId, schema: SCHEMA[entry.kind], properties, last_change: lastChange };
}

function wallets(entry: ListEntry, lastChange: string): object[] {
  const own = entry.kind === 'wallet';
  return entry.addresses.map((a, i) => ({
    id: own ? entry.entryId : `${entry.entryId}-wallet-${i + 1}`,
    schema: 'CryptoWallet',
    properties: {
      publicKey: [a.address],
      ...(a.currency ? { currency: [a.currency] } : {}),
      ...(own ? { label: [entry.name], topics: [topicOf(entry)] } : { holder: [entry.entryId] }),
    },
    last_change: lastChange,
  }));
}

/**
 * A list version as OpenSanctions FollowTheMoney JSON lines, one of the real formats
 * `--lists` loads: parties with their names, dates of birth and programs, and a
 * CryptoWallet per address pointing at its holder.
 */
export function snapshotToFtm(snapshot: ListSnapshot): string {
  const lastChange = `${snapshot.version.publishedAt}T00:00:00`;
  const lines: object[] = [];
  for (const entry of snapshot.entries) {
    if (entry.kind !== 'wallet') lines.push(party(entry, lastChange));
    lines.push(...wallets(entry, lastChange));
  }
  return `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
}
