import { addOnce, earliest, finishEntry, isoDate } from '../entry.ts';
import { ListFormatError } from '../errors.ts';
import type { PeekedInput } from '../peek.ts';
import type { ListLoader, LoadContext, LoadedList } from './loader.ts';
import { PartyReader } from './ofac-advanced-party.ts';
import { ReferenceSets } from './ofac-advanced-refs.ts';
import { streamXml, type XmlHandlers, type XmlTag } from './xml-stream.ts';

/** OFAC's source name: SDN_ADVANCED.XML, SDN.XML and sdn.csv are three renderings of one list. */
export const OFAC_SOURCE = 'ofac-sdn';

type Section = 'none' | 'refs' | 'locations' | 'parties' | 'entries';
// A Map: element names come from the file, and `constructor` must not find a section.
const SECTIONS: ReadonlyMap<string, Section> = new Map([
  ['ReferenceValueSets', 'refs'],
  ['Locations', 'locations'],
  ['DistinctParties', 'parties'],
  ['SanctionsEntries', 'entries'],
]);

/**
 * One streaming pass over SDN_ADVANCED.XML. Names, feature types and countries are ids into
 * sets read earlier in the file; programs and listing dates come after the parties, in
 * SanctionsEntries, and are joined onto the entries by profile id at the end.
 */
class AdvancedReader implements XmlHandlers {
  readonly refs = new ReferenceSets();
  readonly countryOfLocation = new Map<string, string>();
  readonly party: PartyReader;
  private section: Section = 'none';
  private capturing: string | undefined;
  private buffer = '';
  private date: Record<string, string> | undefined;
  private location: string | undefined;
  private entryProfile: string | undefined;
  private programMeasure = false;
  issued: string | undefined;

  constructor(source: string, warn: (message: string) => void) {
    this.party = new PartyReader(this.refs, this.countryOfLocation, source, warn);
  }

  wantText(): boolean {
    return this.capturing !== undefined;
  }

  text(text: string): void {
    this.buffer += text;
  }

  private capture(name: string): void {
    this.capturing = name;
    this.buffer = '';
  }

  open(tag: XmlTag): void {
    const section = SECTIONS.get(tag.name);
    if (section) {
      this.section = section;
      return;
    }
    if (tag.name === 'DateOfIssue') this.date = {};
    else if (this.section === 'refs') {
      if (this.refs.open(tag)) this.capture(tag.name);
    } else if (this.section === 'locations') this.openLocation(tag);
    else if (this.section === 'parties') {
      if (this.party.open(tag)) this.capture(tag.name);
    } else if (this.section === 'entries') this.openSanctionsEntry(tag);
    if (this.date && (tag.name === 'Year' || tag.name === 'Month' || tag.name === 'Day')) {
      this.capture(tag.name);
    }
  }

  close(name: string): void {
    if (this.capturing === name) {
      this.capturing = undefined;
      this.captured(name, this.buffer);
    }
    if (SECTIONS.has(name)) this.section = 'none';
    else if (name === 'DateOfIssue') this.issued = this.takeDate();
    else if (this.section === 'parties') this.party.close(name);
    else if (this.section === 'entries') this.closeSanctionsEntry(name);
  }

  private captured(name: string, text: string): void {
    if (this.date && (name === 'Year' || name === 'Month' || name === 'Day'))
      this.date[name] = text.trim();
    else if (this.section === 'refs') this.refs.text(text);
    else if (this.section === 'parties') this.party.text(name, text);
    else if (this.section === 'entries' && this.programMeasure && this.entryProfile) {
      const draft = this.party.drafts.get(this.entryProfile);
      if (draft) addOnce(draft.programs, text);
    }
  }

  private takeDate(): string | undefined {
    const d = this.date;
    this.date = undefined;
    return d ? isoDate(d.Year, d.Month, d.Day) : undefined;
  }

  private openLocation(tag: XmlTag): void {
    if (tag.name === 'Location') this.location = tag.attributes.ID;
    else if (tag.name === 'LocationCountry' && this.location) {
      const country = this.refs.get('Country', tag.attributes.CountryID);
      if (country) this.countryOfLocation.set(this.location, country);
    }
  }

  private openSanctionsEntry(tag: XmlTag): void {
    const name = tag.name;
    if (name === 'SanctionsEntry') this.entryProfile = tag.attributes.ProfileID;
    else if (name === 'EntryEvent') this.date = {};
    else if (name === 'SanctionsMeasure') {
      this.programMeasure =
        this.refs.get('SanctionsType', tag.attributes.SanctionsTypeID) === 'Program';
    } else if (name === 'Comment' && this.programMeasure) this.capture(name);
  }

  private closeSanctionsEntry(name: string): void {
    if (name === 'SanctionsMeasure') this.programMeasure = false;
    else if (name === 'SanctionsEntry') this.entryProfile = undefined;
    else if (name === 'EntryEvent') {
      const listed = this.takeDate();
      const draft = this.entryProfile ? this.party.drafts.get(this.entryProfile) : undefined;
      if (draft) draft.listedOn = earliest(draft.listedOn, listed);
    }
  }
}

/** Sniffs SDN_ADVANCED: a <Sanctions> root in the advanced-XML namespace, or its first sections. */
export function sniffOfacAdvanced(head: string): boolean {
  return (
    /<Sanctions[\s>]/.test(head) &&
    /ADVANCED_XML|un\.org\/sanctions|<DateOfIssue|<ReferenceValueSets/.test(head)
  );
}

/** OFAC SDN_ADVANCED.XML, streamed. */
export const ofacAdvancedLoader: ListLoader = {
  format: 'ofac-advanced-xml',
  sniff: sniffOfacAdvanced,
  async load(input: PeekedInput, ctx: LoadContext): Promise<LoadedList> {
    const reader = new AdvancedReader(ctx.source, ctx.warn);
    await streamXml(input, { root: 'Sanctions', entry: 'DistinctParty' }, reader);
    if (!reader.issued)
      throw new ListFormatError(
        input.name,
        undefined,
        'no DateOfIssue: not a complete SDN_ADVANCED file',
      );
    if (reader.party.drafts.size === 0)
      throw new ListFormatError(input.name, undefined, 'no DistinctParty in the file');
    const entries = [...reader.party.drafts.values()].map(finishEntry);
    return { source: ctx.source, publishedAt: reader.issued, entries };
  },
};
