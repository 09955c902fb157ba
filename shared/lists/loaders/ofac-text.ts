import { ownValue } from '../own.ts';
import type { ListEntry } from '../types.ts';

const MONTHS: Readonly<Record<string, string>> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** An OFAC date in its legacy renderings ("25 Nov 1983", "Nov 1983", "circa 1983", "11/19/2025") as ISO. */
export function ofacDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const us = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  if (us) return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  const full = /(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})/.exec(text);
  const fullMonth = full && ownValue(MONTHS, full[2]!.toLowerCase());
  if (full && fullMonth) return `${full[3]}-${fullMonth}-${full[1]!.padStart(2, '0')}`;
  const month = /([A-Za-z]{3})[a-z]* (\d{4})/.exec(text);
  const monthNumber = month && ownValue(MONTHS, month[1]!.toLowerCase());
  if (month && monthNumber) return `${month[2]}-${monthNumber}`;
  return /\d{4}/.exec(text)?.[0];
}

/** The entry kind of an OFAC SDN type ("individual", "Entity", "vessel", "aircraft"; entities are left blank in sdn.csv). */
export function kindFromSdnType(type: string | undefined): ListEntry['kind'] {
  switch (type?.trim().toLowerCase()) {
    case 'individual':
      return 'person';
    case 'vessel':
      return 'vessel';
    case 'aircraft':
      return 'aircraft';
    default:
      return 'entity';
  }
}

/** An OFAC legacy name: "LAST, First" when a first name is given. */
export function legacyName(
  last: string | undefined,
  first: string | undefined,
): string | undefined {
  const l = last?.trim();
  const f = first?.trim();
  if (l && f) return `${l}, ${f}`;
  return l || f || undefined;
}

/** What the sdn.csv Remarks field says about one party. */
export interface Remarks {
  readonly addresses: readonly { readonly currency: string; readonly address: string }[];
  readonly aliases: readonly string[];
  readonly datesOfBirth: readonly string[];
  readonly nationalities: readonly string[];
}

/**
 * Reads the fields of a Remarks text ("DOB 25 Mar 1977; ... Digital Currency Address - XBT 12Qt...;
 * a.k.a. 'ZHOU, William'."). Parts are separated by "; " and the text ends with a full stop.
 */
export function parseRemarks(remarks: string): Remarks {
  const addresses: { currency: string; address: string }[] = [];
  const aliases: string[] = [];
  const datesOfBirth: string[] = [];
  const nationalities: string[] = [];
  for (const raw of remarks.split(/;\s+/)) {
    const part = raw.trim().replace(/\.$/, '');
    const address = /^(?:alt\. )?Digital Currency Address - (\w+) (\S+)/i.exec(part);
    if (address) {
      addresses.push({ currency: address[1]!.toUpperCase(), address: address[2]! });
      continue;
    }
    const alias = /^[afn]\.k\.a\. '(.+)'$/i.exec(part);
    if (alias) aliases.push(alias[1]!);
    const dob = /^(?:alt\. )?DOB (.+)$/.exec(part);
    const dobIso = dob && ofacDate(dob[1]);
    if (dobIso) datesOfBirth.push(dobIso);
    const nationality = /^(?:alt\. )?(?:nationality|citizen) (.+)$/i.exec(part);
    if (nationality) nationalities.push(nationality[1]!.trim());
  }
  return { addresses, aliases, datesOfBirth, nationalities };
}
