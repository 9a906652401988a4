/**
 * Switching to a verified dataset. The dataset was parsed and validated in memory (the staging
 * copy); the switch is one IndexedDB transaction, so a worker killed mid-way, a full disk or a
 * closed database aborts it and leaves the previous dataset in place.
 */
import { allIncidents, installDataset, type CaveatDb } from '../storage/db';
import type { Dataset, Incident } from '../model/schema';
import { UpdateRefused } from './refusal';

export interface ChangeSummary {
  added: string[];
  changed: string[];
  removed: string[];
}

export function diffIncidents(before: Incident[], after: Incident[]): ChangeSummary {
  const old = new Map(before.map((i) => [i.id, JSON.stringify(i)]));
  const added: string[] = [];
  const changed: string[] = [];
  for (const incident of after) {
    const previous = old.get(incident.id);
    if (previous === undefined) added.push(incident.id);
    else if (previous !== JSON.stringify(incident)) changed.push(incident.id);
    old.delete(incident.id);
  }
  return { added, changed, removed: [...old.keys()] };
}

export async function switchDataset(db: CaveatDb, dataset: Dataset, info: { sequence: number; keyId: string; installedAt: string }): Promise<ChangeSummary> {
  const before = await allIncidents(db);
  try {
    await installDataset(db, dataset, { origin: 'signed', ...info });
  } catch (error) {
    throw new UpdateRefused('install', `the dataset could not be saved (${error instanceof Error ? error.message : String(error)}); the previous one is still in use`);
  }
  return diffIncidents(before, dataset.incidents);
}
