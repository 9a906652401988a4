/**
 * Keeping the bundled dataset installed. The build writes two files into the extension:
 * `dataset.json` (the data) and `dataset.version.json` (its hash). A cold start reads only the
 * small one; the data is parsed and loaded only when it differs from what is installed, in one
 * transaction, so a half-loaded dataset is never visible.
 */
import { installDataset, installedDataset, type CaveatDb } from './db';
import { datasetSchema } from '../model/schema';
import { parseSafeJson } from '../model/safe-json';
import { daySequence } from '../update/sequence';

export const BUNDLED_DATASET_PATH = '/dataset.json';
export const BUNDLED_VERSION_PATH = '/dataset.version.json';

export interface BundledVersion {
  version: string;
  contentHash: string;
  sequence: number;
}

/**
 * The sequence a bundled dataset carries: its data date as YYYYMMDD00. A signed update published
 * later gets a higher number (`publish` starts from the same scheme), so a newer signed dataset is
 * never replaced by an older bundled one, and a newer extension release replaces an older update.
 */
export function bundledSequence(dataAsOf: string): number {
  return daySequence(dataAsOf);
}

export type FetchText = (path: string) => Promise<string>;

export interface EnsureOptions {
  now?: () => Date;
  /**
   * The key ids this release trusts. A signed update signed by any other key is replaced by the
   * bundled dataset, whatever its sequence: that is how a release revokes a key (a stolen one,
   * or one retired in a rotation). An update installed before keys were recorded has no key id
   * and is kept: it was verified when it was taken.
   */
  trustedKeyIds?: readonly string[];
}

/** Returns true when it installed the bundled dataset, false when it was already in place. */
export async function ensureBundledDataset(db: CaveatDb, fetchText: FetchText, { now = () => new Date(), trustedKeyIds }: EnsureOptions = {}): Promise<boolean> {
  const [installed, bundled] = await Promise.all([installedDataset(db), fetchText(BUNDLED_VERSION_PATH).then((t) => JSON.parse(t) as BundledVersion)]);
  const untrusted = installed?.origin === 'signed' && installed.keyId !== undefined && trustedKeyIds !== undefined && !trustedKeyIds.includes(installed.keyId);
  if (!untrusted) {
    if (installed?.contentHash === bundled.contentHash) return false;
    // A signed update at least as new as this bundled copy stays.
    if (installed?.origin === 'signed' && installed.sequence >= bundled.sequence) return false;
  }
  const dataset = datasetSchema.parse(parseSafeJson(await fetchText(BUNDLED_DATASET_PATH)));
  if (dataset.contentHash !== bundled.contentHash) throw new Error('bundled dataset does not match its version file; rebuild the extension');
  await installDataset(db, dataset, {
    origin: 'bundled',
    sequence: bundled.sequence,
    installedAt: now().toISOString(),
    ...(untrusted ? { replacedUntrusted: { keyId: installed.keyId!, sequence: installed.sequence, version: installed.version } } : {}),
  });
  return true;
}
