/**
 * The signed update manifest: a small file that says which dataset file to take, how big it is,
 * its hash and its sequence number. The signature covers the manifest's exact text (`signed`),
 * so nothing depends on how a JSON library orders keys.
 */
import * as z from 'zod/mini';
import { DATASET_FORMAT, isoDate } from '../model/schema';

/** 2: every manifest carries a signed `expires` (format 1 had none, and is refused). */
export const MANIFEST_FORMAT = 2;
/**
 * The longest a manifest may stay valid after it was signed. The feed is re-signed weekly
 * (.github/workflows/publish-feed.yml) with 30 days' validity; this cap keeps a careless
 * `--expires-in 3650` from undoing the point of an expiry.
 */
export const MAX_MANIFEST_LIFETIME_DAYS = 90;
/** Generous for ten times today's dataset, small enough that a hostile server cannot fill the disk. */
export const MAX_DATASET_BYTES = 32 * 1024 * 1024;
export const MAX_MANIFEST_BYTES = 64 * 1024;

export const manifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  /** The dataset file format this update needs; a newer one is refused until the extension is updated. */
  datasetFormat: z.int().check(z.positive()),
  /** Strictly increasing across published datasets: an update must be newer than what is installed. */
  sequence: z.int().check(z.positive(), z.maximum(Number.MAX_SAFE_INTEGER)),
  version: z.string().check(z.maxLength(100)),
  dataAsOf: isoDate,
  builtAt: z.iso.datetime(),
  /**
   * After this instant the manifest is refused. A mirror or an attacker on the path could
   * otherwise keep serving an old, validly signed manifest forever, and every installed copy
   * would keep saying "up to date" while the publisher has moved on.
   */
  expires: z.iso.datetime(),
  /** SHA-256 of the dataset file's bytes, hex. */
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  size: z.int().check(z.positive()),
  incidents: z.int().check(z.nonnegative()),
  /** The dataset file, relative to the manifest's URL. */
  dataset: z.string().check(z.regex(/^[A-Za-z0-9._-]+$/, 'must be a plain file name next to the manifest')),
});
export type UpdateManifest = z.infer<typeof manifestSchema>;

export const envelopeSchema = z.strictObject({
  keyId: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  /** The manifest as signed: JSON text. */
  signed: z.string().check(z.maxLength(MAX_MANIFEST_BYTES)),
  signature: z.string().check(z.maxLength(200)),
});
export type SignedEnvelope = z.infer<typeof envelopeSchema>;

/** A signed dataset in one file, for "import from file": the envelope plus the dataset's exact text. */
export const signedFileSchema = z.strictObject({
  caveatSignedDataset: z.literal(1),
  manifest: envelopeSchema,
  dataset: z.string(),
});
export type SignedFile = z.infer<typeof signedFileSchema>;

export { DATASET_FORMAT };
