// @ts-check
// Talks to the API with the token from session storage; a 401 signs the user out.

const KEY = 'flowsentry.token';

/** The token of this tab, or null. */
export function token() {
  return sessionStorage.getItem(KEY);
}

export function setToken(value) {
  sessionStorage.setItem(KEY, value);
}

export function clearToken() {
  sessionStorage.removeItem(KEY);
}

/** An API answer that was not 2xx, with the server's message. */
export class ApiFailure extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let onUnauthorized = () => {};

/** What to do when the token stops working. */
export function whenUnauthorized(fn) {
  onUnauthorized = fn;
}

/**
 * Calls the API; resolves to the JSON body, rejects with ApiFailure. The caller names the
 * answer's type (from types.d.ts), so its use of the fields is checked.
 * @template T
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<T>}
 */
export async function call(method, path, body) {
  const headers = { authorization: `Bearer ${token() ?? ''}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (res.status === 401) onUnauthorized();
  if (!res.ok) throw new ApiFailure(res.status, data.message ?? `HTTP ${res.status}`);
  return data;
}

/** A query string from the non-empty entries of an object. */
export function qs(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== '' && v !== undefined && v !== null) q.set(k, String(v));
  const text = q.toString();
  return text ? `?${text}` : '';
}
