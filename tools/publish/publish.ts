/**
 * Making a signed update from a built dataset: the dataset file, the signed manifest that names
 * it, and the same two in one file for "import from file". Used by the CLI and by tests.
 */
import { serialiseDataset } from '@/core/model/dataset';
import type { Dataset } from '@/core/model/schema';
import { DATASET_FORMAT, MANIFEST_FORMAT, type SignedEnvelope, type SignedFile, type UpdateManifest } from '@/core/update/manifest';
import { sha256Hex } from '@/core/model/sha256';
import { keyIdOf, signText, type PrivateKey } from '@/core/update/signing';

export interface Published {
  manifest: UpdateManifest;
  /** manifest.json: the signed envelope. */
  manifestText: string;
  /** dataset.json: the exact bytes the manifest's hash covers. */
  datasetText: string;
  /** One file with both, for "import from file". */
  signedFileText: string;
}

export const DATASET_FILE = 'dataset.json';

export async function publishDataset(dataset: Dataset, privateKey: PrivateKey, sequence: number, builtAt: Date): Promise<Published> {
  const datasetText = serialiseDataset(dataset);
  const bytes = new TextEncoder().encode(datasetText);
  const manifest: UpdateManifest = {
    format: MANIFEST_FORMAT,
    datasetFormat: DATASET_FORMAT,
    sequence,
    version: dataset.version,
    dataAsOf: dataset.dataAsOf,
    builtAt: builtAt.toISOString(),
    sha256: await sha256Hex(bytes),
    size: bytes.length,
    incidents: dataset.counts.incidents,
    dataset: DATASET_FILE,
  };
  const signed = JSON.stringify(manifest);
  const envelope: SignedEnvelope = {
    keyId: await keyIdOf({ kty: 'EC', crv: 'P-256', x: privateKey.x, y: privateKey.y }),
    signed,
    signature: await signText(privateKey, signed),
  };
  const file: SignedFile = { caveatSignedDataset: 1, manifest: envelope, dataset: datasetText };
  return { manifest, manifestText: `${JSON.stringify(envelope, null, 2)}\n`, datasetText, signedFileText: `${JSON.stringify(file)}\n` };
}
