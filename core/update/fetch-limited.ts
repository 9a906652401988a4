/**
 * Downloads at most `maxBytes`, with no cookies, credentials or referrer, and refuses anything
 * that is not https at the end of its redirects. Reading stops as soon as the limit is passed, so
 * a hostile server cannot make the extension swallow an endless body.
 */
import { UpdateRefused } from './refusal';

export async function fetchLimited(url: string, maxBytes: number, fetchImpl: typeof fetch = fetch): Promise<Uint8Array> {
  const response = await fetchImpl(url, { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', redirect: 'follow' });
  if (!response.url.startsWith('https:')) throw new UpdateRefused('network', `${url} redirected away from https`);
  if (!response.ok) throw new UpdateRefused('network', `${url} answered ${response.status}`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw new UpdateRefused('size', `${url} is ${declared} bytes; at most ${maxBytes} are accepted`);
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new UpdateRefused('size', `${url} is larger than the ${maxBytes} bytes expected`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
