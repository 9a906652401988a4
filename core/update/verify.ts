/**
 * Every check an update must pass before it may replace the installed dataset, in the order
 * that costs least first: the small signed manifest, then the dataset's size and hash, then every
 * record. Each failure is an UpdateRefused naming the check.
 */
import { sha256Hex } from '../model/sha256';
import { parseSafeJson, SafeJsonError } from '../model/safe-json';
import { DATASET_FORMAT, datasetSchema, type Dataset } from '../model/schema';
import { formatProblem, validateRecords } from '../model/validate';
import { envelopeSchema, manifestSchema, MANIFEST_FORMAT, MAX_DATASET_BYTES, MAX_MANIFEST_BYTES, MAX_MANIFEST_LIFETIME_DAYS, type UpdateManifest } from './manifest';
import { sequenceCeiling } from './sequence';
import { pathOf } from '../model/issue-path';
import { UpdateRefused } from './refusal';
import { verifyText, type TrustedKey } from './signing';

function issuePath(issue: { path: readonly PropertyKey[]; message: string }): string {
  return `${pathOf(issue.path) || '(top)'}: ${issue.message}`;
}

export interface VerifiedManifest {
  manifest: UpdateManifest;
  /** The trusted key that signed it: recorded with the installed dataset, so a release that stops trusting it can undo it. */
  keyId: string;
}

/** Checks the envelope's signature against the bundled keys and returns the manifest it signs. */
export async function verifyEnvelope(text: string, trustedKeys: readonly TrustedKey[]): Promise<VerifiedManifest> {
  if (text.length > MAX_MANIFEST_BYTES) throw new UpdateRefused('size', `the manifest is larger than ${MAX_MANIFEST_BYTES} bytes`);
  let raw: unknown;
  try {
    raw = parseSafeJson(text, { maxBytes: MAX_MANIFEST_BYTES });
  } catch (error) {
    throw new UpdateRefused('malformed', `the manifest ${error instanceof SafeJsonError ? error.message : 'cannot be read'}`);
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) throw new UpdateRefused('malformed', `the manifest is not a signed envelope (${issuePath(envelope.error.issues[0]!)})`);
  const key = trustedKeys.find((k) => k.keyId === envelope.data.keyId);
  if (!key) throw new UpdateRefused('unknown-key', `the update is signed with key ${envelope.data.keyId}, which this extension does not trust`);
  if (!(await verifyText(key.publicKey, envelope.data.signed, envelope.data.signature))) {
    throw new UpdateRefused('signature', 'the signature does not match the manifest: it was altered or signed with another key');
  }
  let signed: unknown;
  try {
    signed = parseSafeJson(envelope.data.signed, { maxBytes: MAX_MANIFEST_BYTES });
  } catch {
    throw new UpdateRefused('malformed', 'the signed manifest is not JSON');
  }
  const format = (signed as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format !== MANIFEST_FORMAT) {
    throw new UpdateRefused('malformed', `the manifest is format ${format}; this version of Caveat reads format ${MANIFEST_FORMAT} (which carries an expiry date)`);
  }
  const manifest = manifestSchema.safeParse(signed);
  if (!manifest.success) throw new UpdateRefused('malformed', `the signed manifest is not understood (${issuePath(manifest.error.issues[0]!)})`);
  return { manifest: manifest.data, keyId: key.keyId };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a verified manifest is still valid at `now`. Checked even when it names the installed
 * sequence: an expired manifest must never read as "up to date".
 */
export function checkNotExpired(manifest: UpdateManifest, now: Date): void {
  const expires = Date.parse(manifest.expires);
  if (expires - Date.parse(manifest.builtAt) > MAX_MANIFEST_LIFETIME_DAYS * DAY_MS) {
    throw new UpdateRefused('expired', `the manifest claims to stay valid for more than ${MAX_MANIFEST_LIFETIME_DAYS} days`);
  }
  if (expires <= now.getTime()) {
    throw new UpdateRefused('expired', `the manifest expired on ${manifest.expires.slice(0, 10)}; the update server is not being kept up to date, so the installed data may be stale`);
  }
}

/** Whether a verified manifest may replace the installed dataset (by expiry, format, sequence, size). */
export function checkManifest(manifest: UpdateManifest, installedSequence: number, now: Date): void {
  checkNotExpired(manifest, now);
  if (manifest.datasetFormat !== DATASET_FORMAT) {
    throw new UpdateRefused('schema-version', `the update uses dataset format ${manifest.datasetFormat}; this version of Caveat reads format ${DATASET_FORMAT}`);
  }
  const ceiling = sequenceCeiling(now.toISOString().slice(0, 10));
  if (manifest.sequence > ceiling) {
    throw new UpdateRefused('sequence-jump', `the update claims sequence ${manifest.sequence}, beyond the highest a publication can have today (${ceiling}); it would lock out every later update`);
  }
  if (manifest.sequence <= installedSequence) {
    throw new UpdateRefused('rollback', `the update (sequence ${manifest.sequence}) is not newer than the installed dataset (sequence ${installedSequence})`);
  }
  if (manifest.size > MAX_DATASET_BYTES) throw new UpdateRefused('size', `the dataset is ${manifest.size} bytes; the limit is ${MAX_DATASET_BYTES}`);
}

/** Checks the dataset's bytes against the manifest, then parses and validates every record. */
export async function verifyDataset(bytes: Uint8Array, manifest: UpdateManifest, today: string): Promise<Dataset> {
  if (bytes.length !== manifest.size) throw new UpdateRefused('size', `the dataset is ${bytes.length} bytes; the manifest says ${manifest.size}`);
  if ((await sha256Hex(bytes)) !== manifest.sha256) throw new UpdateRefused('hash', 'the dataset does not match the hash in the signed manifest');
  let raw: unknown;
  try {
    raw = parseSafeJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes), { maxBytes: MAX_DATASET_BYTES });
  } catch (error) {
    throw new UpdateRefused('invalid-data', `the dataset ${error instanceof SafeJsonError ? error.message : 'is not UTF-8 text'}`);
  }
  const parsed = datasetSchema.safeParse(raw);
  if (!parsed.success) throw new UpdateRefused('invalid-data', `the dataset is not valid: ${issuePath(parsed.error.issues[0]!)}`);
  const { problems } = validateRecords(
    parsed.data.incidents.map((record, i) => ({ file: `incidents[${i}]`, record })),
    today,
  );
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new UpdateRefused('invalid-data', `the dataset has an invalid record: ${formatProblem(problems[0]!)}${more}`);
  }
  if ((await sha256Hex(JSON.stringify(parsed.data.incidents))) !== parsed.data.contentHash) {
    throw new UpdateRefused('invalid-data', 'the dataset’s content hash does not match its incidents');
  }
  if (parsed.data.incidents.length !== manifest.incidents) {
    throw new UpdateRefused('invalid-data', `the dataset has ${parsed.data.incidents.length} incidents; the manifest says ${manifest.incidents}`);
  }
  return parsed.data;
}
