import type { Incident } from './schema';

/** Incidents newest first, then by id: the order a reader expects and a diff can rely on. */
export function compareIncidents(a: Incident, b: Incident): number {
  if (a.disclosedOn !== b.disclosedOn) return a.disclosedOn < b.disclosedOn ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
