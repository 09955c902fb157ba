import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature of a webhook body. */
export const SIGNATURE_HEADER = 'x-flowsentry-signature';

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes under the shared secret. */
export function signBody(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Checks a signature header in constant time; what a receiver runs before trusting a body. */
export function verifySignature(
  secret: string,
  body: string | Uint8Array,
  header: string | undefined,
): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
