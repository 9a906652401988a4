/**
 * Every check an update must pass before it may replace the installed dataset, in the order
 * that costs least first: the small signed manifest, then the dataset's size and hash, then every
 * record. Each failure is an UpdateRefused naming the check.
 */
import { sha256Hex } from '../model/sha256';
import { parseSafeJson, SafeJsonError } from '../model/safe-json';
import { DATASET_FORMAT, datasetSchema, type Dataset } from '../model/schema';
import { formatProblem, validateRecords } from '../model/validate';
import { envelopeSchema, manifestSchema, MAX_DATASET_BYTES, MAX_MANIFEST_BYTES, type UpdateManifest } from './manifest';
import { pathOf } from '../model/issue-path';
import { UpdateRefused } from './refusal';
import { verifyText, type TrustedKey } from './signing';

function issuePath(issue: { path: readonly PropertyKey[]; message: string }): string {
  return `${pathOf(issue.path) || '(top)'}: ${issue.message}`;
}

/** Checks the envelope's signature against the bundled keys and returns the manifest it signs. */
export async function verifyEnvelope(text: string, trustedKeys: readonly TrustedKey[]): Promise<UpdateManifest> {
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
  const manifest = manifestSchema.safeParse(signed);
  if (!manifest.success) throw new UpdateRefused('malformed', `the signed manifest is not understood (${issuePath(manifest.error.issues[0]!)})`);
  return manifest.data;
}

/** Whether a verified manifest may replace the installed dataset (by sequence, format, size). */
export function checkManifest(manifest: UpdateManifest, installedSequence: number): void {
  if (manifest.datasetFormat !== DATASET_FORMAT) {
    throw new UpdateRefused('schema-version', `the update uses dataset format ${manifest.datasetFormat}; this version of Caveat reads format ${DATASET_FORMAT}`);
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
