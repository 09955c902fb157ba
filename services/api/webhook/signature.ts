import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature of a webhook body. */
export const SIGNATURE_HEADER = 'x-flowsentry-signature';

/** How far a signature's time may be from the receiver's clock: the replay window. */
export const REPLAY_WINDOW_S = 300;

const hmac = (secret: string, t: number, body: string | Uint8Array) =>
  createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');

/**
 * `t=<unix seconds>,v1=<hex>`: HMAC-SHA256 under the shared secret of `<t>.` followed by the
 * exact body bytes. The time is signed with the body, so a captured delivery replayed later
 * than the window is refused by a receiver that checks it.
 */
export function signBody(secret: string, body: string | Uint8Array, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

/** The `t` and every `v1` of a signature header (a receiver may see several during a key change). */
function parseHeader(header: string): { t: number; v1: string[] } | null {
  let t = Number.NaN;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2);
    if (key === 't' && /^[0-9]{1,12}$/.test(value)) t = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) v1.push(value);
  }
  return Number.isNaN(t) || v1.length === 0 ? null : { t, v1 };
}

/**
 * What a receiver runs before trusting a body: a signature of this body under the secret, made
 * within `toleranceS` of `now`. Compares in constant time.
 */
export function verifySignature(
  secret: string,
  body: string | Uint8Array,
  header: string | undefined,
  { now = new Date(), toleranceS = REPLAY_WINDOW_S } = {},
): boolean {
  const parsed = header ? parseHeader(header) : null;
  if (!parsed) return false;
  if (Math.abs(now.getTime() / 1000 - parsed.t) > toleranceS) return false;
  const expected = Buffer.from(hmac(secret, parsed.t, body));
  return parsed.v1.some((v) => timingSafeEqual(Buffer.from(v), expected));
}
