import type { WorkerProfile } from '../../contract/index.ts';
import { addressKey, emailKey, handleKey, phoneKey } from '../../identity/index.ts';
import type { AttrKind } from './facts.ts';

/** One indexed attribute of a profile: its kind, match key and the value as given. */
export interface ProfileAttr {
  readonly kind: AttrKind;
  readonly key: string;
  readonly value: string;
}

/** Attributes that tie workers to one place or machine (laptop farms). */
export const PLACE_KINDS: ReadonlySet<AttrKind> = new Set(['device', 'ip', 'address', 'bank']);
/** Attributes an extortion report can name. */
export const CONTACT_KINDS: ReadonlySet<AttrKind> = new Set(['email', 'phone', 'messenger']);

const trimmed = (v: string) => {
  const t = v.trim().toLowerCase();
  return t === '' ? undefined : t;
};

function add(
  out: Map<string, ProfileAttr>,
  kind: AttrKind,
  value: string,
  keyOf: (v: string) => string | undefined,
): void {
  const key = keyOf(value);
  if (key !== undefined && !out.has(`${kind}:${key}`))
    out.set(`${kind}:${key}`, { kind, key, value });
}

/** The attributes of a profile the engine indexes, normalized, each once. */
export function profileAttrs(p: WorkerProfile): ProfileAttr[] {
  const out = new Map<string, ProfileAttr>();
  for (const d of p.devices ?? []) {
    if (d.fingerprint) add(out, 'device', d.fingerprint, trimmed);
    if (d.ip) add(out, 'ip', d.ip, trimmed);
  }
  if (p.residentialAddress) add(out, 'address', p.residentialAddress, addressKey);
  for (const b of p.bankAccountHashes ?? []) add(out, 'bank', b, trimmed);
  for (const e of p.emails ?? []) add(out, 'email', e, emailKey);
  for (const ph of p.phones ?? []) add(out, 'phone', ph, phoneKey);
  for (const m of p.messengers ?? []) add(out, 'messenger', m, handleKey);
  return [...out.values()];
}

/** The contact attributes of an extortion report, normalized like profiles. */
export function reportContacts(
  c: { emails?: string[]; phones?: string[]; messengers?: string[] } | undefined,
): ProfileAttr[] {
  const out = new Map<string, ProfileAttr>();
  for (const e of c?.emails ?? []) add(out, 'email', e, emailKey);
  for (const ph of c?.phones ?? []) add(out, 'phone', ph, phoneKey);
  for (const m of c?.messengers ?? []) add(out, 'messenger', m, handleKey);
  return [...out.values()];
}
