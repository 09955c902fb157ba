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

/**
 * Hosts whose links name a handle, and where the handle sits in the link: the first path
 * segment unless said otherwise. A link to a host not named here keeps its whole text as
 * the key, so it only ever matches the same link.
 */
const HANDLE_HOSTS: Readonly<
  Record<string, (path: readonly string[], link: URL) => string | undefined>
> = Object.freeze({
  't.me': telegramPath,
  'telegram.me': telegramPath,
  'telegram.dog': telegramPath,
  'wa.me': (path) => path[0],
  'api.whatsapp.com': (_path, link) => link.searchParams.get('phone') ?? undefined,
  'signal.me': (_path, link) => /^#p\/(.+)$/.exec(link.hash)?.[1],
  'x.com': (path) => path[0],
  'twitter.com': (path) => path[0],
  'discord.com': (path) => (path[0] === 'users' ? path[1] : undefined),
  'discordapp.com': (path) => (path[0] === 'users' ? path[1] : undefined),
  'instagram.com': (path) => path[0],
  'github.com': (path) => path[0],
  'linkedin.com': (path) => (path[0] === 'in' ? path[1] : undefined),
  'skype.com': (path) => path[0],
});

/** `t.me/name`, `t.me/s/name` (a channel's preview); an invite (`t.me/+code`) names no handle. */
function telegramPath(path: readonly string[]): string | undefined {
  const name = path[0] === 's' ? path[1] : path[0];
  return name?.startsWith('+') || name === 'joinchat' ? undefined : name;
}

/** A path segment with its %-escapes undone (left as written when they are malformed). */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The handle a link names (`https://t.me/kim_dev`, `wa.me/14155550100`), or undefined when it is no link. */
function handleInLink(text: string): string | undefined {
  const tg = /^tg:\/\/resolve\?domain=([^&]+)/.exec(text);
  if (tg) return tg[1];
  const bare = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const host = /^(?:www\.|mobile\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?=[/?#]|$)/.exec(bare);
  if (!host) return undefined;
  let link: URL;
  try {
    link = new URL(`https://${bare}`);
  } catch {
    return undefined;
  }
  const read = HANDLE_HOSTS[host[1]!];
  const path = link.pathname.split('/').filter(Boolean).map(decodedSegment);
  // An unknown host, or a link of a known one naming no handle: the link itself is the key.
  return (read && Object.hasOwn(HANDLE_HOSTS, host[1]!) ? read(path, link) : undefined) ?? bare;
}

/**
 * The match key of a messenger handle, whichever way it is written: "Telegram: @Kim_Dev",
 * "@kim_dev", "https://t.me/kim_dev" and "telegram.me/Kim_Dev" are all kim_dev (the platform
 * is dropped). A handle that is a phone number (WhatsApp, Signal: "wa.me/14155550100",
 * "whatsapp: +1 415 555 0100") keys as the phone does. Undefined when too short to match.
 */
export function handleKey(handle: string): string | undefined {
  const text = handle.trim().toLowerCase();
  const linked = handleInLink(text);
  const bare = linked ?? (text.includes(':') ? text.slice(text.lastIndexOf(':') + 1) : text).trim();
  const key = bare.replace(/^@+/, '').replace(/\s+/g, '');
  if (/^\+?[0-9().-]{7,}$/.test(key)) return phoneKey(key);
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
