/** Shared set-up for the importer tests: temporary data layers, fixture paths, file snapshots. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runImport, type ImportSummary } from '../../../tools/import/run';
import type { FeedSource } from '../../../tools/import/types';
import type { Incident } from '../../../core/model/schema';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.join(here, 'fixtures');
export const REPO = path.resolve(here, '../../..');
/** The real feeds, beside the repository as in CI (`../shared/datasets/` from the repo root; CAVEAT_FEEDS_DIR overrides). */
export const SHARED_DATASETS = path.resolve(REPO, process.env.CAVEAT_FEEDS_DIR ?? '../shared/datasets');
export const SHARED_PRESENT = existsSync(path.join(SHARED_DATASETS, 'hibp-breaches.json'));
export const TODAY = '2026-11-28';

export const FIXTURE_FILES: Record<FeedSource, string> = {
  hibp: path.join(FIXTURES, 'hibp-excerpt.json'),
  ransomware: path.join(FIXTURES, 'ransomware-excerpt.json'),
  notices: path.join(FIXTURES, 'notices-excerpt.json'),
  prc: path.join(FIXTURES, 'prc-excerpt.csv'),
  wikipedia: path.join(FIXTURES, 'wikipedia-excerpt.csv'),
};

export const FEED_FILES: Record<FeedSource, string> = {
  hibp: path.join(SHARED_DATASETS, 'hibp-breaches.json'),
  ransomware: path.join(SHARED_DATASETS, 'ransomwatch-posts.json'),
  notices: path.join(SHARED_DATASETS, 'breachradar-sec-stateag.json'),
  prc: path.join(SHARED_DATASETS, 'prc-data-breaches-2005-2017.csv'),
  wikipedia: path.join(SHARED_DATASETS, 'list-of-data-breaches.csv'),
};

export interface Layers {
  root: string;
  curatedDir: string;
  importedDir: string;
  cleanup(): Promise<void>;
}

export async function tempLayers(): Promise<Layers> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'caveat-import-'));
  return { root, curatedDir: path.join(root, 'incidents'), importedDir: path.join(root, 'imported'), cleanup: () => rm(root, { recursive: true, force: true }) };
}

export function importInto(layers: Pick<Layers, 'curatedDir' | 'importedDir'>, source: FeedSource, file: string): Promise<ImportSummary> {
  return runImport({ source, file, curatedDir: layers.curatedDir, importedDir: layers.importedDir, today: TODAY });
}

/** Every file in a directory with its bytes, to compare runs. */
export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    return out;
  }
  for (const name of names) out[name] = await readFile(path.join(dir, name), 'utf8');
  return out;
}

export async function readIncidents(dir: string): Promise<Incident[]> {
  return Object.values(await snapshotDir(dir)).map((text) => JSON.parse(text) as Incident);
}

export function skipNotice(): void {
  if (!SHARED_PRESENT) console.warn(`full-feed tests skipped: ${SHARED_DATASETS} is not there (CI has it; clone shared/ beside the repo to run them)`);
}
