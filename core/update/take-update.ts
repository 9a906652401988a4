/**
 * Taking an update, from the configured URL or from a signed file the user picked. Both run the
 * same checks (verify.ts) and the same switch (apply.ts). Only the configured URL is fetched, with
 * no cookies or credentials, and never with anything about what the user browses.
 */
import { installedDataset, type CaveatDb } from '../storage/db';
import { parseSafeJson, SafeJsonError } from '../model/safe-json';
import { switchDataset, type ChangeSummary } from './apply';
import { MAX_DATASET_BYTES, MAX_MANIFEST_BYTES, signedFileSchema } from './manifest';
import { UpdateRefused } from './refusal';
import type { TrustedKey } from './signing';
import type { ProgressStage } from './status';
import { checkManifest, checkNotExpired, verifyDataset, verifyEnvelope, type VerifiedManifest } from './verify';

export type Progress = (stage: ProgressStage) => void;

export interface UpdateDeps {
  db: CaveatDb;
  trustedKeys: readonly TrustedKey[];
  /** Fetches a URL's bytes, refusing more than `maxBytes`; `conditional`: revalidate through the HTTP cache (the manifest). */
  fetchBytes(url: string, maxBytes: number, options?: { conditional?: boolean }): Promise<Uint8Array>;
  today(): string;
  now(): Date;
  progress?: Progress;
}

export type UpdateOutcome =
  | { result: 'updated'; version: string; sequence: number; incidents: number; changes: ChangeSummary }
  | { result: 'up-to-date'; version: string; sequence: number };

export function checkUpdateUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UpdateRefused('no-update-url', `"${url}" is not a URL`);
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) throw new UpdateRefused('no-update-url', 'the update URL must be an https URL without credentials');
  return parsed;
}

async function installedSequence(db: CaveatDb): Promise<{ sequence: number; contentHash?: string }> {
  const installed = await installedDataset(db);
  return { sequence: installed?.sequence ?? 0, contentHash: installed?.contentHash };
}

async function take({ manifest, keyId }: VerifiedManifest, bytes: Uint8Array, deps: UpdateDeps): Promise<UpdateOutcome> {
  deps.progress?.('validate');
  const dataset = await verifyDataset(bytes, manifest, deps.today());
  deps.progress?.('install');
  const changes = await switchDataset(deps.db, dataset, { sequence: manifest.sequence, keyId, installedAt: deps.now().toISOString() });
  return { result: 'updated', version: manifest.version, sequence: manifest.sequence, incidents: dataset.counts.incidents, changes };
}

export async function updateFromUrl(manifestUrl: string, deps: UpdateDeps): Promise<UpdateOutcome> {
  const url = checkUpdateUrl(manifestUrl);
  deps.progress?.('manifest');
  const manifestBytes = await fetchOrRefuse(deps, url.href, MAX_MANIFEST_BYTES, { conditional: true });
  const verified = await verifyEnvelope(new TextDecoder().decode(manifestBytes), deps.trustedKeys);
  const { manifest } = verified;
  const installed = await installedSequence(deps.db);
  // The same manifest again (a daily check with nothing new) is not a refusal, unless it expired:
  // a frozen mirror must not keep saying "up to date".
  if (manifest.sequence === installed.sequence) {
    checkNotExpired(manifest, deps.now());
    return { result: 'up-to-date', version: manifest.version, sequence: manifest.sequence };
  }
  checkManifest(manifest, installed.sequence, deps.now());
  deps.progress?.('download');
  const bytes = await fetchOrRefuse(deps, new URL(manifest.dataset, url).href, manifest.size);
  return take(verified, bytes, deps);
}

export async function updateFromFile(text: string, deps: UpdateDeps): Promise<UpdateOutcome> {
  deps.progress?.('manifest');
  let raw: unknown;
  try {
    raw = parseSafeJson(text, { maxBytes: MAX_DATASET_BYTES + MAX_MANIFEST_BYTES * 2 });
  } catch (error) {
    throw new UpdateRefused(error instanceof SafeJsonError && /too large/.test(error.message) ? 'size' : 'malformed', `the file ${error instanceof Error ? error.message : 'cannot be read'}`);
  }
  const file = signedFileSchema.safeParse(raw);
  if (!file.success) throw new UpdateRefused('malformed', 'the file is not a signed Caveat dataset (make one with `npm run dataset -- publish`)');
  const verified = await verifyEnvelope(JSON.stringify(file.data.manifest), deps.trustedKeys);
  const installed = await installedSequence(deps.db);
  checkManifest(verified.manifest, installed.sequence, deps.now());
  return take(verified, new TextEncoder().encode(file.data.dataset), deps);
}

async function fetchOrRefuse(deps: UpdateDeps, url: string, maxBytes: number, options?: { conditional?: boolean }): Promise<Uint8Array> {
  try {
    return await deps.fetchBytes(url, maxBytes, options);
  } catch (error) {
    if (error instanceof UpdateRefused) throw error;
    throw new UpdateRefused('network', `could not download ${url} (${error instanceof Error ? error.message : String(error)})`);
  }
}
