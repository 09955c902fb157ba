import { foldText } from './text.ts';

/** Mail providers that ignore dots in the local part. */
const DOTLESS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The match key of an email: lowercase, `+tag` dropped, Gmail dots dropped, googlemail
 * folded into gmail. Undefined when it is not an email.
 */
export function emailKey(email: string): string | undefined {
  const text = email.trim().toLowerCase();
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return undefined;
  let local = text.slice(0, at).split('+')[0]!;
  let domain = text.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (DOTLESS.has(domain)) local = local.replaceAll('.', '');
  return local === '' ? undefined : `${local}@${domain}`;
}

/**
 * The match key of a phone number: its last nine digits. Reports and profiles write the
 * same number with and without the country code ("+1 (415) 555-0100", "415.555.0100");
 * nine digits still tell numbers apart. Undefined for fewer than seven digits.
 */
export function phoneKey(phone: string): string | undefined {
  const digits = phone.replace(/[^0-9]/g, '');
  if (digits.length < 7) return undefined;
  return digits.slice(-9);
}

/** The match key of a messenger handle: "Telegram: @Kim_Dev" -> kim_dev (the platform is dropped). */
export function handleKey(handle: string): string | undefined {
  const text = handle.trim().toLowerCase();
  const bare = text.includes(':') ? text.slice(text.lastIndexOf(':') + 1) : text;
  const key = bare.trim().replace(/^@+/, '').replace(/\s+/g, '');
  return key.length >= 3 ? key : undefined;
}

/** The match key of a residential address: folded, common abbreviations expanded. */
export function addressKey(address: string): string | undefined {
  const folded = foldText(address);
  if (folded.length < 6) return undefined;
  return folded
    .split(' ')
    .map((w) => STREET_WORDS[w] ?? w)
    .join(' ');
}

const STREET_WORDS: Readonly<Record<string, string>> = Object.freeze({
  st: 'street',
  str: 'street',
  ave: 'avenue',
  av: 'avenue',
  rd: 'road',
  blvd: 'boulevard',
  dr: 'drive',
  ln: 'lane',
  apt: 'apartment',
  ste: 'suite',
  fl: 'floor',
  n: 'north',
  s: 'south',
  e: 'east',
  w: 'west',
  ct: 'court',
  hwy: 'highway',
  unit: 'apartment',
});
