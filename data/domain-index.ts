/**
 * An in-memory hostname → incidents index for Node (the CLI, benchmarks). The extension asks
 * IndexedDB's multi-entry index the same question (db.ts); both walk the hostname's suffixes
 * (hostname.ts) so they cannot disagree.
 */
import { candidateDomains } from './hostname';
import type { Incident } from './schema';

export class DomainIndex {
  private readonly byDomain = new Map<string, Incident[]>();

  constructor(incidents: Incident[]) {
    for (const incident of incidents) {
      for (const domain of incident.domains) {
        const list = this.byDomain.get(domain);
        if (!list) this.byDomain.set(domain, [incident]);
        else if (!list.includes(incident)) list.push(incident);
      }
    }
  }

  /** Incidents matching a normalised hostname, each once. */
  lookup(hostname: string): Incident[] {
    const found: Incident[] = [];
    for (const candidate of candidateDomains(hostname)) {
      for (const incident of this.byDomain.get(candidate) ?? []) if (!found.includes(incident)) found.push(incident);
    }
    return found;
  }
}
