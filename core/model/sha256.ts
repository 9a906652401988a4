/**
 * SHA-256 through WebCrypto, the same in Node (the CLI) and the browsers, as lower-case hex: the
 * dataset's content hash, a signed manifest's file hash and key ids all come from here. Text is
 * hashed as its UTF-8 bytes.
 */
export async function sha256Hex(input: string | Uint8Array): Promise<string> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
