import type { Incident } from './schema';

/** The publishers whose licence asks for attribution wherever their data is shown, e.g. "Have I Been Pwned (CC BY 4.0)". */
export function attributionsOf(incidents: Incident[]): string[] {
  const seen = new Set<string>();
  for (const incident of incidents) for (const s of incident.sources) if (s.licence) seen.add(`${s.publisher} (${s.licence})`);
  return [...seen].sort();
}
