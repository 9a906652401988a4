/**
 * Search over all incidents, for the popup: free text over organisation, brands, domains,
 * services, data classes, actors, authorities, title and summary, plus facet filters. The index
 * is built once per dataset; a keystroke is a scan of precomputed lower-case strings.
 */
import { statusAsOf } from './incident-state';
import type { Incident } from './schema';
import { compareIncidents } from './dataset';
import { KIND_LABELS, SERVICE_LABELS, type IncidentKind, type IncidentStatus, type ServiceKey } from './vocabulary';

/** Folds case, accents, "&"/"and" and punctuation so "Click & collect" finds "click-and-collect". */
export function foldText(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9.@]+/g, ' ')
    .trim()} `;
}

export interface SearchFilters {
  service?: ServiceKey;
  status?: IncidentStatus;
  kind?: IncidentKind;
  dataClass?: string;
  actor?: string;
  country?: string;
  year?: string;
}

export interface SearchQuery extends SearchFilters {
  text?: string;
}

export interface FacetCounts {
  service: Partial<Record<ServiceKey, number>>;
  status: Partial<Record<IncidentStatus, number>>;
  kind: Partial<Record<IncidentKind, number>>;
}

export interface SearchResult {
  incidents: Incident[];
  total: number;
  facets: FacetCounts;
}

interface Entry {
  incident: Incident;
  haystack: string;
  status: IncidentStatus;
  services: ServiceKey[];
  year: string;
}

export class SearchIndex {
  private readonly entries: Entry[];

  constructor(incidents: Incident[], today: string) {
    this.entries = [...incidents].sort(compareIncidents).map((incident) => {
      const services = [...new Set(incident.services.map((s) => s.service))];
      const haystack = foldText(
        [
          incident.title,
          incident.organisation,
          ...incident.brands,
          ...incident.domains,
          KIND_LABELS[incident.kind],
          ...services.map((s) => `${SERVICE_LABELS[s]} ${s}`),
          ...incident.dataExposed.map((d) => d.dataClass),
          ...incident.actors.map((a) => a.name),
          ...incident.authorities,
          incident.summary,
        ].join(' | '),
      );
      return { incident, haystack, status: statusAsOf(incident, today), services, year: incident.disclosedOn.slice(0, 4) };
    });
  }

  get size(): number {
    return this.entries.length;
  }

  search(query: SearchQuery, limit = 50): SearchResult {
    const terms = foldText(query.text ?? '').trim().split(' ').filter(Boolean);
    // Keep the words of a phrase together when they are: "click and collect" ranks exact phrases first.
    const phrase = terms.length > 1 ? ` ${terms.join(' ')} ` : null;
    const exact: Entry[] = [];
    const loose: Entry[] = [];
    const facets: FacetCounts = { service: {}, status: {}, kind: {} };
    for (const entry of this.entries) {
      if (!matchesFilters(entry, query)) continue;
      if (!terms.every((t) => entry.haystack.includes(` ${t}`))) continue;
      (phrase && entry.haystack.includes(phrase) ? exact : loose).push(entry);
      facets.status[entry.status] = (facets.status[entry.status] ?? 0) + 1;
      facets.kind[entry.incident.kind] = (facets.kind[entry.incident.kind] ?? 0) + 1;
      for (const s of entry.services) facets.service[s] = (facets.service[s] ?? 0) + 1;
    }
    const all = phrase ? [...exact, ...loose] : loose;
    return { incidents: all.slice(0, limit).map((e) => e.incident), total: all.length, facets };
  }
}

function matchesFilters(entry: Entry, f: SearchFilters): boolean {
  const { incident } = entry;
  if (f.service && !entry.services.includes(f.service)) return false;
  if (f.status && entry.status !== f.status) return false;
  if (f.kind && incident.kind !== f.kind) return false;
  if (f.dataClass && !incident.dataExposed.some((d) => d.dataClass === f.dataClass)) return false;
  if (f.actor && !incident.actors.some((a) => a.name === f.actor)) return false;
  if (f.country && !incident.countries.includes(f.country)) return false;
  if (f.year && entry.year !== f.year) return false;
  return true;
}
