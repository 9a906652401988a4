/**
 * Dataset signatures: ECDSA P-256 with SHA-256 through WebCrypto, so the very same code signs in
 * Node (the CLI) and verifies in Node tests, Chromium and Firefox. Ed25519 would be smaller, but
 * not every supported browser has it in WebCrypto yet.
 */
import * as z from 'zod/mini';
import { sha256Hex } from '../model/sha256';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

export const publicKeySchema = z.strictObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
  y: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
});
export type PublicKey = z.infer<typeof publicKeySchema>;

export const privateKeySchema = z.extend(publicKeySchema, { d: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)) });
export type PrivateKey = z.infer<typeof privateKeySchema>;

export interface TrustedKey {
  /** Short fingerprint that manifests name, so the verifier knows which key to use. */
  keyId: string;
  publicKey: PublicKey;
}

const subtle = () => globalThis.crypto.subtle;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The key id: the first 16 hex digits of SHA-256 over the public point. */
export async function keyIdOf(key: PublicKey): Promise<string> {
  return (await sha256Hex(`${key.crv}.${key.x}.${key.y}`)).slice(0, 16);
}

export async function generateSigningKey(): Promise<{ keyId: string; publicKey: PublicKey; privateKey: PrivateKey }> {
  const pair = (await subtle().generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateJwk = await subtle().exportKey('jwk', pair.privateKey);
  const privateKey = privateKeySchema.parse({ kty: privateJwk.kty, crv: privateJwk.crv, x: privateJwk.x, y: privateJwk.y, d: privateJwk.d });
  const publicKey = publicKeySchema.parse({ kty: 'EC', crv: 'P-256', x: privateKey.x, y: privateKey.y });
  return { keyId: await keyIdOf(publicKey), publicKey, privateKey };
}

export async function signText(privateKey: PrivateKey, text: string): Promise<string> {
  const key = await subtle().importKey('jwk', { ...privateKey, ext: true }, ALGORITHM, false, ['sign']);
  const signature = await subtle().sign(SIGN, key, new TextEncoder().encode(text));
  return toBase64(new Uint8Array(signature));
}

export async function verifyText(publicKey: PublicKey, text: string, signature: string): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(signature);
  } catch {
    return false;
  }
  const key = await subtle().importKey('jwk', { ...publicKey, ext: true }, ALGORITHM, false, ['verify']);
  return subtle().verify(SIGN, key, bytes as BufferSource, new TextEncoder().encode(text));
}
