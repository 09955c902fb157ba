import {
  addAddress,
  addName,
  addOnce,
  categoryFrom,
  type EntryDraft,
  finishEntry,
  newDraft,
} from '../entry.ts';
import { ListFormatError } from '../errors.ts';
import { entryCounter } from '../limits.ts';
import { ownValue } from '../own.ts';
import { type PeekedInput, readLines } from '../peek.ts';
import type { ListEntry } from '../types.ts';
import type { ListLoader, LoadContext, LoadedList } from './loader.ts';

type Props = Record<string, unknown[]>;

/** One FollowTheMoney entity as a line of the export holds it. */
interface FtmEntity {
  readonly id: string;
  readonly schema: string;
  readonly properties: Props;
  readonly last_change?: string;
}

const PARTIES: Readonly<Record<string, ListEntry['kind']>> = {
  Person: 'person',
  Organization: 'entity',
  Company: 'entity',
  LegalEntity: 'entity',
  PublicBody: 'entity',
  Vessel: 'vessel',
  Airplane: 'aircraft',
};

/** Sniffs FtM JSON lines: the first line is an object with a schema and properties. */
export function sniffOpenSanctions(head: string): boolean {
  const first = head.trimStart().split('\n', 1)[0] ?? '';
  return (
    first.startsWith('{') &&
    /"schema"\s*:\s*"[A-Z]\w*"/.test(first) &&
    first.includes('"properties"')
  );
}

function asEntity(value: unknown): FtmEntity | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || typeof v.schema !== 'string') return undefined;
  const properties =
    typeof v.properties === 'object' && v.properties !== null ? (v.properties as Props) : {};
  const lastChange = typeof v.last_change === 'string' ? v.last_change : undefined;
  return { id: v.id, schema: v.schema, properties, last_change: lastChange };
}

function strings(props: Props, ...names: string[]): string[] {
  return names.flatMap((n) => (props[n] ?? []).filter((v): v is string => typeof v === 'string'));
}

/** Entities of one export, sorted by role; holders may come before or after their wallets. */
class FtmCollector {
  readonly parties = new Map<string, FtmEntity>();
  readonly wallets: FtmEntity[] = [];
  readonly programs = new Map<string, string[]>();
  lastChange = '';

  add(entity: FtmEntity): void {
    if (entity.last_change && entity.last_change > this.lastChange)
      this.lastChange = entity.last_change;
    if (ownValue(PARTIES, entity.schema)) this.parties.set(entity.id, entity);
    else if (entity.schema === 'CryptoWallet') this.addWallet(entity);
    else if (entity.schema === 'Sanction') this.addSanction(entity.properties);
  }

  private addWallet(wallet: FtmEntity): void {
    this.wallets.push(wallet);
    // Nested exports carry the holder itself instead of its id.
    for (const holder of wallet.properties.holder ?? []) {
      const nested = asEntity(holder);
      if (nested && ownValue(PARTIES, nested.schema)) this.parties.set(nested.id, nested);
    }
  }

  private addSanction(props: Props): void {
    const programs = strings(props, 'program', 'programId');
    for (const target of props.entity ?? []) {
      const id = typeof target === 'string' ? target : asEntity(target)?.id;
      if (!id) continue;
      const list = this.programs.get(id) ?? [];
      for (const p of programs) addOnce(list, p);
      this.programs.set(id, list);
    }
  }
}

function partyDraft(entity: FtmEntity, programs: readonly string[], ctx: LoadContext): EntryDraft {
  const p = entity.properties;
  const topics = strings(p, 'topics');
  const category = topics.some((t) => t.startsWith('sanction'))
    ? 'sanctions'
    : categoryFrom(...topics);
  const draft = newDraft(
    ctx.source,
    entity.id,
    ownValue(PARTIES, entity.schema) ?? 'unknown',
    category,
  );
  for (const n of strings(p, 'name', 'alias', 'previousName', 'weakAlias')) addName(draft, n);
  for (const prog of [...strings(p, 'program', 'programId'), ...programs])
    addOnce(draft.programs, prog);
  for (const d of strings(p, 'birthDate')) addOnce(draft.datesOfBirth, d);
  for (const c of strings(p, 'nationality', 'citizenship')) addOnce(draft.nationalities, c);
  return draft;
}

function walletDraft(wallet: FtmEntity, ctx: LoadContext): EntryDraft {
  const p = wallet.properties;
  const topics = strings(p, 'topics');
  const draft = newDraft(ctx.source, wallet.id, 'wallet', categoryFrom(...topics, 'sanction'));
  addName(draft, strings(p, 'label', 'name', 'publicKey')[0]);
  return draft;
}

function buildEntries(c: FtmCollector, ctx: LoadContext): ListEntry[] {
  const drafts = new Map<string, EntryDraft>();
  for (const party of c.parties.values())
    drafts.set(party.id, partyDraft(party, c.programs.get(party.id) ?? [], ctx));
  for (const wallet of c.wallets) {
    const holderIds = (wallet.properties.holder ?? []).map((h) =>
      typeof h === 'string' ? h : asEntity(h)?.id,
    );
    const holders = holderIds
      .map((id) => (id ? drafts.get(id) : undefined))
      .filter((d) => d !== undefined);
    if (holders.length === 0) {
      const own = walletDraft(wallet, ctx);
      drafts.set(wallet.id, own);
      holders.push(own);
    }
    const currency = strings(wallet.properties, 'currency')[0];
    for (const key of strings(wallet.properties, 'publicKey')) {
      for (const holder of holders) addAddress(holder, currency, key, ctx.warn);
    }
  }
  return [...drafts.values()].map(finishEntry);
}

/** OpenSanctions FollowTheMoney JSON lines: CryptoWallets joined to their holders. */
export const openSanctionsLoader: ListLoader = {
  format: 'opensanctions-ftm',
  sniff: sniffOpenSanctions,
  async load(input: PeekedInput, ctx: LoadContext): Promise<LoadedList> {
    const collector = new FtmCollector();
    const count = entryCounter(input.name, input.limits);
    for await (const { line, lineNo } of readLines(input)) {
      if (!line.trim()) continue;
      count(`line ${lineNo}`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (e) {
        throw new ListFormatError(
          input.name,
          `line ${lineNo}`,
          `not a JSON object: ${(e as Error).message}`,
        );
      }
      const entity = asEntity(parsed);
      if (!entity)
        throw new ListFormatError(
          input.name,
          `line ${lineNo}`,
          'an entity needs a string id and schema',
        );
      collector.add(entity);
    }
    const entries = buildEntries(collector, ctx);
    if (entries.length === 0)
      throw new ListFormatError(input.name, undefined, 'no person, entity or wallet');
    return {
      source: ctx.source,
      publishedAt: collector.lastChange.slice(0, 10) || undefined,
      entries,
    };
  },
};
