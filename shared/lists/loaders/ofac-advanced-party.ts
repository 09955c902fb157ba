import { addAddress, addName, addOnce, type EntryDraft, isoDate, newDraft } from '../entry.ts';
import {
  type FeatureKind,
  formatName,
  type NamePart,
  type ReferenceSets,
} from './ofac-advanced-refs.ts';
import type { XmlTag } from './xml-stream.ts';

interface DocumentedName {
  readonly primary: boolean;
  readonly parts: NamePart[];
}

const NO_FEATURE: FeatureKind = { kind: 'other' };

/**
 * Reads the DistinctParty blocks of SDN_ADVANCED into entry drafts. A name's parts arrive
 * before the NamePartGroups that say which part is the last name, so names are put
 * together when their Identity closes.
 */
export class PartyReader {
  /** Drafts by profile id, completed with programs once SanctionsEntries are read. */
  readonly drafts = new Map<string, EntryDraft>();
  private draft: EntryDraft | undefined;
  private readonly groupTypes = new Map<string, string>();
  private names: DocumentedName[] = [];
  private aliasPrimary = false;
  private docName: DocumentedName | undefined;
  private partGroup = '';
  private feature: FeatureKind = NO_FEATURE;
  private birth: Record<string, string> | undefined;
  private inStart = false;
  private inFrom = false;

  constructor(
    private readonly refs: ReferenceSets,
    private readonly countryOfLocation: ReadonlyMap<string, string>,
    private readonly source: string,
    private readonly warn: (message: string) => void,
  ) {}

  /** Handles an opening tag; true when the element's text is wanted. */
  open(tag: XmlTag): boolean {
    const a = tag.attributes;
    switch (tag.name) {
      case 'Profile':
        this.draft = newDraft(
          this.source,
          a.ID ?? '',
          this.refs.kindOf(a.PartySubTypeID),
          'sanctions',
        );
        return false;
      case 'Identity':
        this.names = [];
        this.groupTypes.clear();
        return false;
      case 'Alias':
        this.aliasPrimary = a.Primary === 'true';
        return false;
      case 'DocumentedName':
        this.docName = { primary: this.aliasPrimary && a.DocNameStatusID === '1', parts: [] };
        return false;
      case 'NamePartValue':
        this.partGroup = a.NamePartGroupID ?? '';
        return true;
      case 'NamePartGroup':
        if (a.ID && a.NamePartTypeID) this.groupTypes.set(a.ID, a.NamePartTypeID);
        return false;
      default:
        return this.openFeaturePart(tag);
    }
  }

  private openFeaturePart(tag: XmlTag): boolean {
    const name = tag.name;
    if (name === 'Feature') this.feature = this.refs.feature(tag.attributes.FeatureTypeID);
    else if (name === 'VersionDetail') return this.feature.kind === 'address';
    else if (name === 'VersionLocation' && this.feature.kind === 'nationality' && this.draft) {
      addOnce(
        this.draft.nationalities,
        this.countryOfLocation.get(tag.attributes.LocationID ?? ''),
      );
    } else if (this.feature.kind === 'birthdate') return this.openBirthPart(name);
    return false;
  }

  private openBirthPart(name: string): boolean {
    if (name === 'DatePeriod') this.birth = {};
    else if (name === 'Start') this.inStart = true;
    else if (name === 'From') this.inFrom = this.inStart;
    else if (name === 'Year' || name === 'Month' || name === 'Day') {
      // A birth date is a period; its start's "From" is the date OFAC prints.
      return this.inFrom && this.birth !== undefined && this.birth[name] === undefined;
    }
    return false;
  }

  /** The text of an element that open() asked for. */
  text(name: string, text: string): void {
    if (name === 'NamePartValue')
      this.docName?.parts.push({ value: text.trim(), group: this.partGroup });
    else if (name === 'VersionDetail' && this.feature.kind === 'address' && this.draft) {
      addAddress(this.draft, this.feature.currency, text, this.warn);
    } else if (this.birth) this.birth[name] = text.trim();
  }

  /** Handles a closing tag. */
  close(name: string): void {
    switch (name) {
      case 'DocumentedName':
        if (this.docName) this.names.push(this.docName);
        this.docName = undefined;
        return;
      case 'Identity':
        this.resolveNames();
        return;
      case 'Feature':
        this.closeFeature();
        return;
      case 'Start':
        this.inStart = false;
        return;
      case 'From':
        this.inFrom = false;
        return;
      case 'Profile':
        if (this.draft) this.drafts.set(this.draft.entryId, this.draft);
        this.draft = undefined;
    }
  }

  private closeFeature(): void {
    if (this.feature.kind === 'birthdate' && this.birth && this.draft) {
      addOnce(this.draft.datesOfBirth, isoDate(this.birth.Year, this.birth.Month, this.birth.Day));
    }
    this.feature = NO_FEATURE;
    this.birth = undefined;
  }

  private resolveNames(): void {
    const draft = this.draft;
    if (!draft) return;
    const typeOf = (group: string) => this.refs.get('NamePartType', this.groupTypes.get(group));
    const ordered = [
      ...this.names.filter((n) => n.primary),
      ...this.names.filter((n) => !n.primary),
    ];
    for (const name of ordered) addName(draft, formatName(name.parts, typeOf));
    this.names = [];
  }
}
