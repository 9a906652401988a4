/**
 * The public keys whose signatures this build of Caveat accepts: at most two, so a new key can
 * be introduced beside the old one before the old one is retired. Which file is bundled is chosen
 * at build time (wxt.config.ts: `CAVEAT_TRUSTED_KEYS`, default core/update/trusted-keys.json).
 */
import * as z from 'zod/mini';
import { keyIdOf, publicKeySchema, type TrustedKey } from './signing';

export const MAX_TRUSTED_KEYS = 2;

export const trustedKeysFileSchema = z.strictObject({
  keys: z.array(z.strictObject({ keyId: z.string(), publicKey: publicKeySchema, note: z.optional(z.string().check(z.maxLength(200))) })).check(z.maxLength(MAX_TRUSTED_KEYS)),
});
export type TrustedKeysFile = z.infer<typeof trustedKeysFileSchema>;

/** Parses the bundled key file and checks each key id against its key, so a typo cannot trust the wrong key. */
export async function loadTrustedKeys(raw: unknown): Promise<TrustedKey[]> {
  const file = trustedKeysFileSchema.parse(raw);
  const keys: TrustedKey[] = [];
  for (const entry of file.keys) {
    if ((await keyIdOf(entry.publicKey)) !== entry.keyId) throw new Error(`trusted key ${entry.keyId} does not match its public key`);
    keys.push({ keyId: entry.keyId, publicKey: entry.publicKey });
  }
  return keys;
}
