import type { Envelope } from '../contract/index.ts';

// Profiles and extortion reports write one contact, one IP, one bank account many ways. The
// engine keys them (shared/identity/contacts.ts, shared/engine/model/attributes.ts); here the
// spellings those keys do not know are brought to one they do, before anything reads them,
// so every mode (scan, streaming, lookback re-reads) sees the same values.

/** Platforms whose handle is a phone number: such a handle is also the person's phone. */
const PHONE_PLATFORMS = /^(?:whatsapp|wa|signal|viber|sms|tel|phone)$/;

/** `whatsapp://send?phone=…`, `web.whatsapp.com/send?phone=…`, `viber://chat?number=…`. */
const PHONE_LINK =
  /^(?:(whatsapp|viber):\/\/|(?:https?:\/\/)?(?:web|api)\.(whatsapp)\.com\/)[^?]*\?(?:.*&)?(?:phone|number)=([^&#]+)/i;

/** A decoded query value (left as written when its %-escapes are malformed). */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value.replaceAll('+', '%2B'));
  } catch {
    return value;
  }
}

/**
 * Names of messengers as people write them before or after a handle. Only these turn
 * "Telegram kim_dev" into a handle: two words that name no platform ("kim dev") stay as given.
 */
const PLATFORMS: ReadonlySet<string> = new Set([
  'telegram',
  'tg',
  'whatsapp',
  'wa',
  'signal',
  'viber',
  'skype',
  'discord',
  'wechat',
  'weixin',
  'line',
  'instagram',
  'ig',
  'twitter',
  'x',
  'threema',
  'session',
  'matrix',
  'element',
  'kakaotalk',
  'kakao',
  'snapchat',
  'icq',
  'facebook',
  'fb',
  'messenger',
  'tiktok',
  'vk',
]);

/**
 * Profile links of messengers the handle key does not read, and where their handle sits:
 * `facebook.com/kim.dev` and `m.me/kim.dev` (Messenger), `tiktok.com/@kim_dev`,
 * `snapchat.com/add/kim_dev`, `threema.id/ABCD1234`, `vk.com/kim_dev`.
 */
const PROFILE_LINKS: ReadonlyMap<
  string,
  [string, (path: readonly string[]) => string | undefined]
> = new Map([
  ['facebook.com', ['facebook', (p) => (p[0] === 'profile.php' ? undefined : p[0])]],
  ['fb.com', ['facebook', (p) => p[0]]],
  ['m.me', ['facebook', (p) => p[0]]],
  ['messenger.com', ['facebook', (p) => (p[0] === 't' ? p[1] : undefined)]],
  ['tiktok.com', ['tiktok', (p) => (p[0]?.startsWith('@') ? p[0].slice(1) : undefined)]],
  ['snapchat.com', ['snapchat', (p) => (p[0] === 'add' ? p[1] : undefined)]],
  ['threema.id', ['threema', (p) => p[0]]],
  ['vk.com', ['vk', (p) => p[0]]],
  ['vk.ru', ['vk', (p) => p[0]]],
  ['instagr.am', ['instagram', (p) => p[0]]],
]);

/** `platform:@handle` for a profile link of `PROFILE_LINKS`; undefined for anything else. */
function profileLink(text: string): string | undefined {
  const m = /^(?:https?:\/\/)?(?:www\.|m\.|mobile\.)?([a-z0-9.-]+\.[a-z]+)\/([^?#]*)/i.exec(text);
  const known = m && PROFILE_LINKS.get(m[1]!.toLowerCase());
  if (!known) return undefined;
  const handle = known[1](m[2]!.split('/').filter(Boolean));
  return handle ? `${known[0]}:@${decoded(handle)}` : undefined;
}

/** `platform:handle` when `word` names a messenger; undefined otherwise. */
function onPlatform(word: string, handle: string): string | undefined {
  const platform = word.trim().toLowerCase();
  return PLATFORMS.has(platform) ? `${platform}:${handle}` : undefined;
}

/**
 * A messenger contact in a spelling the handle key reads: `Telegram @kim_dev`, `Telegram
 * kim_dev`, `telegram - @kim_dev`, `kim_dev (Telegram)` and `@kim_dev on Telegram` become
 * `telegram:@kim_dev` (or `telegram:kim_dev`); `WhatsApp +1 415 555 0100` becomes
 * `whatsapp:+1 415 555 0100`; app and web links that carry the phone number
 * (`whatsapp://send?phone=`, `viber://chat?number=`) become `whatsapp:<number>`;
 * `skype:name?chat`, LINE (`line.me/R/ti/p/~id`) and WeChat (`weixin://dl/chat?id`) links
 * become `skype:name`, `line:id`, `wechat:id`.
 */
export function messengerSpelling(value: string): string {
  const text = value.trim();
  const link = PHONE_LINK.exec(text);
  if (link) return `${(link[1] ?? link[2])!.toLowerCase()}:${decoded(link[3]!)}`;
  const profile = profileLink(text);
  if (profile) return profile;
  // A platform word, then the handle: with @ any word will do, without it a known platform.
  let m = /^([a-z][a-z ]{0,20}?)\s*[-–—:]?\s*@([^\s@]+)$/i.exec(text);
  if (m && !/[:/]/.test(m[1]!)) return `${m[1]!.trim().toLowerCase()}:@${m[2]}`;
  m = /^([a-z]+)\s*[-–—]?\s+(\+?[\d\s().-]{7,}|[^\s:/@]+)$/i.exec(text);
  const named = m && onPlatform(m[1]!, m[2]!.trim());
  if (named) return named;
  // The handle, then its platform: "kim_dev (Telegram)", "@kim_dev on Telegram".
  m = /^(@?[^\s()@:/]+)\s*(?:\(\s*([a-z][a-z ]{1,20}?)\s*\)|\s(?:on|via|at)\s+([a-z]+))$/i.exec(
    text,
  );
  if (m) {
    const handle = m[1]!.replace(/^@/, '');
    if (m[2]) return `${m[2].trim().toLowerCase()}:@${handle}`;
    const after = onPlatform(m[3]!, `@${handle}`);
    if (after) return after;
  }
  m = /^skype:([^?]+)\?/i.exec(text);
  if (m) return `skype:${m[1]}`;
  m = /^(?:https?:\/\/)?(?:line\.me\/(?:r\/)?ti\/p\/|line:\/\/ti\/p\/)~?([^/?#\s]+)/i.exec(text);
  if (m) return `line:${decoded(m[1]!)}`;
  m = /^weixin:\/\/dl\/chat\?([^&#\s]+)/i.exec(text);
  if (m) return `wechat:${m[1]}`;
  return value;
}

/** The phone number a messenger contact names, when its platform is one of phone numbers. */
export function phoneOfMessenger(value: string): string | undefined {
  const text = messengerSpelling(value).trim();
  const m =
    /^([a-z]+)\s*:\s*(\+?[\d\s().-]{7,})$/i.exec(text) ??
    /^(?:https?:\/\/)?(?:www\.)?(wa)\.me\/(\+?\d{7,})/i.exec(text) ??
    /^(?:(?:https?|sgnl):\/\/)?(signal)\.me\/#p\/(\+?\d{7,})/i.exec(text);
  if (m && PHONE_PLATFORMS.test(m[1]!.toLowerCase())) return m[2]!.trim();
  return /^\+?[\d\s().-]{7,}$/.test(text) && /\d{7}/.test(text.replace(/\D/g, ''))
    ? text
    : undefined;
}

/**
 * Domains that deliver to one mailbox: a Proton user is reached at proton.me, protonmail.com
 * and pm.me alike, a Yandex user at yandex.ru, yandex.com and ya.ru.
 */
const MAILBOX_DOMAINS: ReadonlyMap<string, string> = new Map([
  ['protonmail.com', 'proton.me'],
  ['protonmail.ch', 'proton.me'],
  ['pm.me', 'proton.me'],
  ['yandex.com', 'yandex.ru'],
  ['ya.ru', 'yandex.ru'],
  ['yandex.by', 'yandex.ru'],
  ['yandex.kz', 'yandex.ru'],
  ['yandex.ua', 'yandex.ru'],
]);

/**
 * An email as a mailbox: `mailto:` and a display name (`"Kim" <kim@x.io>`) dropped, a
 * trailing dot too, and a domain that is another name of one provider's mailboxes written as
 * its main one.
 */
export function emailSpelling(value: string): string {
  const text = value.trim();
  const angle = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text);
  const bare = (angle ? angle[1]! : text)
    .replace(/^mailto:/i, '')
    .split('?')[0]!
    .replace(/\.$/, '');
  const at = bare.lastIndexOf('@');
  const main = at > 0 ? MAILBOX_DOMAINS.get(bare.slice(at + 1).toLowerCase()) : undefined;
  return main ? `${bare.slice(0, at)}@${main}` : bare;
}

/** A phone number without its extension (`ext. 12`, `x12`, `;ext=12`): the line is the person's. */
export function phoneSpelling(value: string): string {
  return value.replace(/\s*(?:;\s*ext=|,?\s*(?:ext\.?|extension|x)\s*)\d{1,6}\s*$/i, '');
}

/** The eight 16-bit groups of an IPv6 address, or undefined when it is none. */
function ipv6Groups(text: string): number[] | undefined {
  let body = text;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(body);
  if (v4) {
    const b = v4.slice(1).map(Number);
    if (b.some((x) => x > 255)) return undefined;
    body = `${body.slice(0, v4.index)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const part = (s: string) => (s === '' ? [] : s.split(':'));
  const head = part(halves[0]!);
  const tail = halves.length === 2 ? part(halves[1]!) : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (fill < 0 || (halves.length === 1 && head.length !== 8)) return undefined;
  const groups = [...head, ...Array<string>(fill).fill('0'), ...tail];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return groups.map((g) => Number.parseInt(g, 16));
}

/**
 * An IP address in one spelling: IPv4 dotted without leading zeros or port; IPv6 lowercase
 * with the longest run of zero groups compressed (RFC 5952), without brackets, zone or port;
 * an IPv4 address mapped into IPv6 (`::ffff:203.0.113.7`) is the IPv4 address. Anything else
 * is left as written.
 */
export function ipSpelling(value: string): string {
  const text = value.trim();
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?::\d{1,5})?$/.exec(text);
  if (v4) {
    const bytes = v4.slice(1).map(Number);
    return bytes.every((b) => b <= 255) ? bytes.join('.') : value;
  }
  const inner = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text)?.[1] ?? text;
  const groups = ipv6Groups(inner.replace(/%.*$/, ''));
  if (!groups) return value;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff)
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/**
 * A device fingerprint written as hex groups (`3F:A2:9C:…`, a UUID with or without braces)
 * as its hex digits alone; any other fingerprint is left as written (the index lowercases).
 */
export function fingerprintSpelling(value: string): string {
  const text = value.trim().replace(/^\{(.*)\}$/, '$1');
  return /^[0-9a-f]{2,}(?:[:-][0-9a-f]{2,})+$/i.test(text)
    ? text.replace(/[:-]/g, '').toLowerCase()
    : value;
}

/** A bank account without the spaces, dashes and dots it is grouped with (`DE89 3704 0044…`). */
export function bankSpelling(value: string): string {
  return value.replace(/[\s.-]+/g, '');
}

/** US states by name, for addresses that write the state in full where others write its code. */
const US_STATES: ReadonlyMap<string, string> = new Map([
  ['alabama', 'AL'],
  ['alaska', 'AK'],
  ['arizona', 'AZ'],
  ['arkansas', 'AR'],
  ['california', 'CA'],
  ['colorado', 'CO'],
  ['connecticut', 'CT'],
  ['delaware', 'DE'],
  ['district of columbia', 'DC'],
  ['florida', 'FL'],
  ['georgia', 'GA'],
  ['hawaii', 'HI'],
  ['idaho', 'ID'],
  ['illinois', 'IL'],
  ['indiana', 'IN'],
  ['iowa', 'IA'],
  ['kansas', 'KS'],
  ['kentucky', 'KY'],
  ['louisiana', 'LA'],
  ['maine', 'ME'],
  ['maryland', 'MD'],
  ['massachusetts', 'MA'],
  ['michigan', 'MI'],
  ['minnesota', 'MN'],
  ['mississippi', 'MS'],
  ['missouri', 'MO'],
  ['montana', 'MT'],
  ['nebraska', 'NE'],
  ['nevada', 'NV'],
  ['new hampshire', 'NH'],
  ['new jersey', 'NJ'],
  ['new mexico', 'NM'],
  ['new york', 'NY'],
  ['north carolina', 'NC'],
  ['north dakota', 'ND'],
  ['ohio', 'OH'],
  ['oklahoma', 'OK'],
  ['oregon', 'OR'],
  ['pennsylvania', 'PA'],
  ['rhode island', 'RI'],
  ['south carolina', 'SC'],
  ['south dakota', 'SD'],
  ['tennessee', 'TN'],
  ['texas', 'TX'],
  ['utah', 'UT'],
  ['vermont', 'VT'],
  ['virginia', 'VA'],
  ['washington', 'WA'],
  ['west virginia', 'WV'],
  ['wisconsin', 'WI'],
  ['wyoming', 'WY'],
]);

/** A state's name at the end of an address, after a comma or before the ZIP. */
const STATE_AT_END = new RegExp(
  `(,\\s*|\\s)(${[...US_STATES.keys()].join('|')})(,?\\s+\\d{5}(?:-\\d{4})?)?\\s*$`,
  'i',
);

/**
 * A home address with the spellings of one flat made one: `#4` is `Apt 4`, a ZIP+4 is its
 * five-digit ZIP, a US state written in full at the end (`Springfield, Illinois 62701`) is
 * its code (the address key folds case, punctuation and street words). A street named after
 * a state (`900 Washington Street`) is not at the end and stays.
 */
export function homeSpelling(value: string): string {
  const state = STATE_AT_END.exec(value);
  const named =
    state && (state[1]!.includes(',') || state[3] !== undefined)
      ? `${value.slice(0, state.index)}${state[1]}${US_STATES.get(state[2]!.toLowerCase())}${state[3] ?? ''}`
      : value;
  return named.replace(/(^|[\s,])#\s*(\w+)/g, '$1Apt $2').replace(/\b(\d{5})-\d{4}\b/g, '$1');
}

const same = <T>(a: readonly T[], b: readonly T[]) => a.every((v, i) => v === b[i]);

/** `values` respelled; the same array when nothing changed (most profiles), so nothing is copied. */
function respelled(
  values: readonly string[] | undefined,
  spell: (v: string) => string,
): string[] | undefined {
  if (!values) return undefined;
  const out = values.map(spell);
  return same(out, values) ? (values as string[]) : out;
}

/** Phones plus those the messengers name (WhatsApp, Signal, Viber), each once. */
function withMessengerPhones(
  phones: readonly string[] | undefined,
  messengers: readonly string[] | undefined,
): string[] | undefined {
  const extra = (messengers ?? []).map(phoneOfMessenger).filter((p) => p !== undefined);
  if (extra.length === 0) return phones as string[] | undefined;
  const digits = (p: string) => p.replace(/\D/g, '').slice(-9);
  const have = new Set((phones ?? []).map(digits));
  const added = extra.filter((p) => {
    const d = digits(p);
    if (have.has(d)) return false;
    have.add(d);
    return true;
  });
  return added.length === 0 ? (phones as string[] | undefined) : [...(phones ?? []), ...added];
}

interface ContactLists {
  emails?: string[];
  phones?: string[];
  messengers?: string[];
}

/** The contact lists respelled; the same object when nothing changed. */
function contacts<C extends ContactLists>(c: C): C {
  const emails = respelled(c.emails, emailSpelling);
  const messengers = respelled(c.messengers, messengerSpelling);
  const phones = withMessengerPhones(respelled(c.phones, phoneSpelling), messengers);
  if (emails === c.emails && messengers === c.messengers && phones === c.phones) return c;
  return {
    ...c,
    ...(emails ? { emails } : {}),
    ...(phones ? { phones } : {}),
    ...(messengers ? { messengers } : {}),
  };
}

/**
 * The event with the contacts of a profile or report, and the IPs, bank accounts and home
 * address of a profile, in one spelling each; the same envelope when nothing changed.
 */
export function respellProfile(envelope: Envelope): Envelope {
  if (envelope.type === 'extortion.reported') {
    const c = envelope.data.contacts;
    const next = c && contacts(c);
    return next === c ? envelope : { ...envelope, data: { ...envelope.data, contacts: next } };
  }
  if (envelope.type !== 'worker.upserted') return envelope;
  const d = envelope.data;
  let data = contacts(d);
  const banks = respelled(d.bankAccountHashes, bankSpelling);
  if (banks !== d.bankAccountHashes) data = { ...data, bankAccountHashes: banks };
  const home = d.residentialAddress && homeSpelling(d.residentialAddress);
  if (home !== d.residentialAddress) data = { ...data, residentialAddress: home };
  const respelt = (x: NonNullable<typeof d.devices>[number]) =>
    (x.ip !== undefined && ipSpelling(x.ip) !== x.ip) ||
    (x.fingerprint !== undefined && fingerprintSpelling(x.fingerprint) !== x.fingerprint);
  if (d.devices?.some(respelt))
    data = {
      ...data,
      devices: d.devices.map((x) =>
        respelt(x)
          ? {
              ...x,
              ...(x.ip !== undefined ? { ip: ipSpelling(x.ip) } : {}),
              ...(x.fingerprint !== undefined
                ? { fingerprint: fingerprintSpelling(x.fingerprint) }
                : {}),
            }
          : x,
      ),
    };
  return data === d ? envelope : { ...envelope, data };
}
