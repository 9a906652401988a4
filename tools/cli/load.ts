import { isoToday } from '@/core/model/incident-state';
import type { Incident } from '@/core/model/schema';
import { validateRecords, type Problem } from '@/core/model/validate';
import path from 'node:path';
import { CURATED_DIR, DATA_DIR, listIncidentFiles, readIncidentFiles } from '../shared/dataset-files';

/** What the importers write (`dataset import`): one canonical file per incident, never edited by hand. */
export const IMPORTED_DIR = path.join(DATA_DIR, 'imported');

/** The directories whose incidents make up the dataset: curated first, then imported. */
export const DATASET_DIRS = [CURATED_DIR, IMPORTED_DIR];

/** The same layout under another data folder (`--data DIR`: a copy of data/, as tests and the refresh workflow use). */
export function datasetDirsOf(dataDir: string): string[] {
  return [path.join(dataDir, 'incidents'), path.join(dataDir, 'imported')];
}

export interface Loaded {
  incidents: Incident[];
  problems: Problem[];
  files: number;
}

/** Reads and validates incident files (default: the whole dataset). */
export async function loadIncidents(files?: string[], today = isoToday(), dirs: string[] = DATASET_DIRS): Promise<Loaded> {
  const list = files && files.length > 0 ? files : await listIncidentFiles(dirs);
  const read = await readIncidentFiles(list);
  const result = validateRecords(read.records, today);
  return { incidents: result.incidents, problems: [...read.problems, ...result.problems], files: list.length };
}
