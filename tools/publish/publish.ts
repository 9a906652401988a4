/**
 * Making a signed update from a built dataset: the dataset file, the signed manifest that names
 * it, and the same two in one file for "import from file". Used by the CLI and by tests.
 */
import { serialiseDataset } from '@/core/model/dataset';
import type { Dataset } from '@/core/model/schema';
import { DATASET_FORMAT, MANIFEST_FORMAT, MAX_MANIFEST_LIFETIME_DAYS, type SignedEnvelope, type SignedFile, type UpdateManifest } from '@/core/update/manifest';
import { sha256Hex } from '@/core/model/sha256';
import { keyIdOf, signText, type PrivateKey } from '@/core/update/signing';

export interface Published {
  manifest: UpdateManifest;
  keyId: string;
  /** manifest.json: the signed envelope. */
  manifestText: string;
  /** dataset.json: the exact bytes the manifest's hash covers. */
  datasetText: string;
  /** One file with both, for "import from file". */
  signedFileText: string;
}

export const DATASET_FILE = 'dataset.json';
export const MANIFEST_FILE = 'manifest.json';
/** The one-file form keeps one name, so the feed holds one copy and its link never changes. */
export const SIGNED_FILE = 'caveat-dataset.signed.json';
/**
 * How long a manifest stays valid by default. The publishing workflow re-signs weekly, so a
 * missed week or two never lets it lapse, while a frozen mirror is refused within a month.
 */
export const DEFAULT_EXPIRES_IN_DAYS = 30;

export async function publishDataset(
  dataset: Dataset,
  privateKey: PrivateKey,
  sequence: number,
  builtAt: Date,
  { expiresInDays = DEFAULT_EXPIRES_IN_DAYS }: { expiresInDays?: number } = {},
): Promise<Published> {
  if (!(expiresInDays > 0 && expiresInDays <= MAX_MANIFEST_LIFETIME_DAYS)) throw new RangeError(`a manifest stays valid for 1 to ${MAX_MANIFEST_LIFETIME_DAYS} days (got ${expiresInDays})`);
  const datasetText = serialiseDataset(dataset);
  const bytes = new TextEncoder().encode(datasetText);
  const manifest: UpdateManifest = {
    format: MANIFEST_FORMAT,
    datasetFormat: DATASET_FORMAT,
    sequence,
    version: dataset.version,
    dataAsOf: dataset.dataAsOf,
    builtAt: builtAt.toISOString(),
    expires: new Date(builtAt.getTime() + expiresInDays * 24 * 60 * 60 * 1000).toISOString(),
    sha256: await sha256Hex(bytes),
    size: bytes.length,
    incidents: dataset.counts.incidents,
    dataset: DATASET_FILE,
  };
  const signed = JSON.stringify(manifest);
  const keyId = await keyIdOf({ kty: 'EC', crv: 'P-256', x: privateKey.x, y: privateKey.y });
  const envelope: SignedEnvelope = { keyId, signed, signature: await signText(privateKey, signed) };
  const file: SignedFile = { caveatSignedDataset: 1, manifest: envelope, dataset: datasetText };
  return { manifest, keyId, manifestText: `${JSON.stringify(envelope, null, 2)}\n`, datasetText, signedFileText: `${JSON.stringify(file)}\n` };
}
