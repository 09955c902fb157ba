import type { FetchGetUrlFunc } from 'ethers';

/**
 * The transport under ethers' FetchRequest, over Node's fetch. ethers' default Node
 * transport grows the body by copying it on every chunk, which is quadratic: a 30 MB
 * eth_getLogs answer took seconds of copying. This reads the body once, and reuses
 * connections (undici keeps them alive).
 */
export const getUrlWithFetch: FetchGetUrlFunc = async (req, signal) => {
  const controller = new AbortController();
  signal?.addListener(() => controller.abort());
  const timer = setTimeout(() => controller.abort(new Error('request timeout')), req.timeout);
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      ...(req.body ? { body: Buffer.from(req.body).toString('utf8') } : {}),
      signal: controller.signal,
    });
    const body = new Uint8Array(await res.arrayBuffer());
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return { statusCode: res.status, statusMessage: res.statusText, headers, body };
  } catch (error) {
    // fetch says only "fetch failed"; the cause (ECONNREFUSED, a timeout) is what helps.
    const cause = (error as { cause?: { message?: string; code?: string } }).cause;
    throw new Error(cause?.code ?? cause?.message ?? (error as Error).message);
  } finally {
    clearTimeout(timer);
  }
};
