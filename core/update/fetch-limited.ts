/**
 * Downloads at most `maxBytes` within `timeoutMs`, with no cookies, credentials or referrer, and
 * never follows a redirect. Reading stops as soon as the limit is passed, so a hostile server
 * cannot make the extension swallow an endless body, nor hang a check by trickling bytes.
 *
 * Why no redirects: the update URL is the one place Caveat fetches from, set by the build or by
 * the person. A redirect would let whoever controls that server (or a captive portal) move the
 * fetch anywhere, including http or a local address; the feed is static files and never needs one.
 */
import { UpdateRefused } from './refusal';

/** Long enough for a 32 MB dataset on a slow line, short enough that a stalled server frees the queue. */
export const DOWNLOAD_TIMEOUT_MS = 60_000;

export interface FetchLimitedOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /**
   * Revalidate through the browser's HTTP cache (If-None-Match / If-Modified-Since): the daily
   * manifest check costs a 304 when nothing changed. Datasets are fetched with no-store: each is
   * fetched once, and must not sit in the cache.
   */
  conditional?: boolean;
}

export async function fetchLimited(url: string, maxBytes: number, { fetchImpl = fetch, timeoutMs = DOWNLOAD_TIMEOUT_MS, conditional = false }: FetchLimitedOptions = {}): Promise<Uint8Array> {
  if (!url.startsWith('https:')) throw new UpdateRefused('network', `${url} is not https`);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const timedOut = () => new UpdateRefused('network', `${url} did not answer in full within ${Math.round(timeoutMs / 1000)} s`);
  try {
    let response: Response;
    try {
      response = await fetchImpl(url, { credentials: 'omit', cache: conditional ? 'no-cache' : 'no-store', referrerPolicy: 'no-referrer', redirect: 'manual', signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) throw timedOut();
      throw error;
    }
    // Browsers answer a refused redirect with an opaque response (status 0); Node with the 3xx itself.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      throw new UpdateRefused('redirect', `${url} redirected elsewhere; updates are only taken from the update URL itself`);
    }
    if (response.url && !response.url.startsWith('https:')) throw new UpdateRefused('network', `${url} was answered from outside https`);
    if (!response.ok) throw new UpdateRefused('network', `${url} answered ${response.status}`);
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) throw new UpdateRefused('size', `${url} is ${declared} bytes; at most ${maxBytes} are accepted`);
    const reader = response.body?.getReader();
    if (!reader) return new Uint8Array(0);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (controller.signal.aborted) throw timedOut();
        throw error;
      }
      if (chunk.done) break;
      total += chunk.value.length;
      if (total > maxBytes) {
        await reader.cancel();
        throw new UpdateRefused('size', `${url} is larger than the ${maxBytes} bytes expected`);
      }
      chunks.push(chunk.value);
    }
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return bytes;
  } finally {
    clearTimeout(timer);
  }
}
