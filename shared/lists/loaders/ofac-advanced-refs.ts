import type { ListEntry } from '../types.ts';
import type { XmlTag } from './xml-stream.ts';

/** Reference value sets that entries point into by id; the rest of the sets are skipped. */
const WANTED = new Set([
  'FeatureType',
  'PartyType',
  'PartySubType',
  'NamePartType',
  'AliasType',
  'Country',
  'SanctionsType',
]);

/** What a Feature of a profile carries, told by its FeatureType text. */
export type FeatureKind =
  | { readonly kind: 'address'; readonly currency: string }
  | { readonly kind: 'birthdate' }
  | { readonly kind: 'nationality' }
  | { readonly kind: 'other' };

const OTHER: FeatureKind = { kind: 'other' };

/**
 * SDN_ADVANCED's ReferenceValueSets: every feature type, party type and name part type is an
 * id there, so the loader keeps the few sets it needs as id -> text maps.
 */
export class ReferenceSets {
  private readonly values = new Map<string, string>();
  private readonly partyTypeOfSubType = new Map<string, string>();
  private readonly featureKinds = new Map<string, FeatureKind>();
  private pending: { set: string; id: string } | undefined;

  /** Starts collecting one reference value; true when its text is wanted. */
  open(tag: XmlTag): boolean {
    const id = tag.attributes.ID;
    if (!WANTED.has(tag.name) || id === undefined) return false;
    this.pending = { set: tag.name, id };
    const partyType = tag.attributes.PartyTypeID;
    if (tag.name === 'PartySubType' && partyType) this.partyTypeOfSubType.set(id, partyType);
    return true;
  }

  /** Stores the text of the value opened last. */
  text(text: string): void {
    if (!this.pending) return;
    this.values.set(`${this.pending.set}:${this.pending.id}`, text.trim());
    this.pending = undefined;
  }

  /** The text of a reference value, e.g. get('NamePartType', '1520') = 'Last Name'. */
  get(set: string, id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.values.get(`${set}:${id}`);
  }

  /** What a feature type id stands for ('Digital Currency Address - XBT' is an address in XBT). */
  feature(featureTypeId: string | undefined): FeatureKind {
    if (featureTypeId === undefined) return OTHER;
    let kind = this.featureKinds.get(featureTypeId);
    if (!kind) {
      kind = featureKind(this.get('FeatureType', featureTypeId) ?? '');
      this.featureKinds.set(featureTypeId, kind);
    }
    return kind;
  }

  /** Person, entity, vessel or aircraft from a PartySubTypeID. */
  kindOf(partySubTypeId: string | undefined): ListEntry['kind'] {
    if (partySubTypeId === undefined) return 'unknown';
    const sub = this.get('PartySubType', partySubTypeId)?.toLowerCase();
    if (sub === 'vessel' || sub === 'aircraft') return sub;
    const type = this.get('PartyType', this.partyTypeOfSubType.get(partySubTypeId))?.toLowerCase();
    if (type === 'individual') return 'person';
    if (type === 'entity' || type === 'other entity') return 'entity';
    return 'unknown';
  }
}

function featureKind(text: string): FeatureKind {
  const address = /^Digital Currency Address - (\S+)/i.exec(text);
  if (address?.[1]) return { kind: 'address', currency: address[1].toUpperCase() };
  if (/^Birthdate$/i.test(text)) return { kind: 'birthdate' };
  if (/^(Nationality|Citizenship) Country$/i.test(text)) return { kind: 'nationality' };
  return OTHER;
}

/** One part of a documented name and the NamePartGroup it belongs to. */
export interface NamePart {
  readonly value: string;
  readonly group: string;
}

const GIVEN = /^(First Name|Middle Name|Patronymic|Matronymic|Nickname)$/i;

/**
 * A documented name as OFAC renders it elsewhere (sdn.csv, SDN.XML): "Last, First Middle" for
 * a person, the parts in order for the rest, so the same party reads the same in every format.
 */
export function formatName(
  parts: readonly NamePart[],
  typeOf: (group: string) => string | undefined,
): string {
  const last: string[] = [];
  const given: string[] = [];
  const other: string[] = [];
  for (const part of parts) {
    const type = typeOf(part.group) ?? '';
    if (/^(Last Name|Maiden Name)$/i.test(type)) last.push(part.value);
    else if (GIVEN.test(type)) given.push(part.value);
    else other.push(part.value);
  }
  if (last.length && given.length) return `${last.join(' ')}, ${[...given, ...other].join(' ')}`;
  return parts.map((p) => p.value).join(' ');
}
