import { isoToday } from '../incident-state';
import type { Incident } from '../schema';
import { validateRecords, type Problem } from '../validate';
import { CURATED_DIR, listIncidentFiles, readIncidentFiles } from './files';

/** The directories whose incidents make up the dataset. */
export const DATASET_DIRS = [CURATED_DIR];

export interface Loaded {
  incidents: Incident[];
  problems: Problem[];
  files: number;
}

/** Reads and validates incident files (default: the whole dataset). */
export async function loadIncidents(files?: string[], today = isoToday()): Promise<Loaded> {
  const list = files && files.length > 0 ? files : await listIncidentFiles(DATASET_DIRS);
  const read = await readIncidentFiles(list);
  const result = validateRecords(read.records, today);
  return { incidents: result.incidents, problems: [...read.problems, ...result.problems], files: list.length };
}
