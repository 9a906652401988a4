/**
 * Search over all incidents, for the popup: free text over organisation, brands, domains,
 * services, data classes, actors, authorities, title and summary, plus facet filters. The index
 * is built once per dataset; a keystroke is a scan of precomputed lower-case strings.
 *
 * Performance (see README, "Performance"): every incident's folded text lives in one string,
 * entries separated by a newline, so each search term is one native `indexOf` sweep over the
 * whole dataset that jumps to the next incident after a hit, instead of one `includes` call per
 * incident and term. A term matches at the start of a word, so it can never span two incidents.
 */
import { statusAsOf } from './incident-state';
import type { Incident } from './schema';
import { compareIncidents } from './dataset';
import { KIND_LABELS, SERVICE_LABELS, type IncidentKind, type IncidentStatus, type ServiceKey } from './vocabulary';

const ASCII = /^[\x00-\x7f]*$/;

/** Folds case, accents, "&"/"and" and punctuation so "Click & collect" finds "click-and-collect". */
export function foldText(text: string): string {
  // NFKD leaves ASCII as it is; skipping it for ASCII text (nearly all of it) halves the index build.
  const decomposed = ASCII.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ` ${decomposed
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
  dataClass: Record<string, number>;
  actor: Record<string, number>;
  country: Record<string, number>;
  year: Record<string, number>;
}

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

export interface SearchResult {
  incidents: Incident[];
  total: number;
  facets: FacetCounts;
}

interface Entry {
  incident: Incident;
  status: IncidentStatus;
  services: ServiceKey[];
  year: string;
}

export class SearchIndex {
  private readonly entries: Entry[];
  /** Every entry's folded text (" word word … "), in entry order, joined by "\n". */
  private readonly text: string;
  /** Where each entry's text starts in `text`, plus one past the end. */
  private readonly starts: Int32Array;

  constructor(incidents: Incident[], today: string) {
    const haystacks: string[] = [];
    this.entries = [...incidents].sort(compareIncidents).map((incident) => {
      const services = [...new Set(incident.services.map((s) => s.service))];
      haystacks.push(
        foldText(
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
        ),
      );
      return { incident, status: statusAsOf(incident, today), services, year: incident.disclosedOn.slice(0, 4) };
    });
    this.starts = new Int32Array(haystacks.length + 1);
    let offset = 0;
    haystacks.forEach((h, k) => {
      this.starts[k] = offset;
      offset += h.length + 1;
    });
    this.starts[haystacks.length] = offset;
    this.text = haystacks.join('\n');
  }

  get size(): number {
    return this.entries.length;
  }

  search(query: SearchQuery, limit = 50): SearchResult {
    const terms = foldText(query.text ?? '').trim().split(' ').filter(Boolean);
    const n = this.entries.length;
    // hits[k] = how many of the terms entry k has matched so far (terms are applied in order).
    let hits: Uint16Array | null = null;
    if (terms.length > 0) {
      hits = new Uint16Array(n);
      for (let t = 0; t < terms.length; t++) this.sweep(` ${terms[t]}`, hits, t);
    }
    // Keep the words of a phrase together when they are: "click and collect" ranks exact phrases first.
    let exactHits: Uint16Array | null = null;
    if (terms.length > 1) {
      exactHits = new Uint16Array(n);
      this.sweep(` ${terms.join(' ')} `, exactHits, 0);
    }
    const exact: Entry[] = [];
    const loose: Entry[] = [];
    const facets: FacetCounts = { service: {}, status: {}, kind: {} };
    for (let k = 0; k < n; k++) {
      if (hits && hits[k] !== terms.length) continue;
      const entry = this.entries[k]!;
      if (!matchesFilters(entry, query)) continue;
      (exactHits && exactHits[k] === 1 ? exact : loose).push(entry);
      facets.status[entry.status] = (facets.status[entry.status] ?? 0) + 1;
      facets.kind[entry.incident.kind] = (facets.kind[entry.incident.kind] ?? 0) + 1;
      for (const s of entry.services) facets.service[s] = (facets.service[s] ?? 0) + 1;
    }
    const all = exactHits ? [...exact, ...loose] : loose;
    return { incidents: all.slice(0, limit).map((e) => e.incident), total: all.length, facets };
  }

  /**
   * Marks every entry whose text contains `needle` and that matched all earlier terms
   * (hits[k] === round) by moving it to round + 1. After a hit the sweep jumps to the next entry.
   */
  private sweep(needle: string, hits: Uint16Array, round: number): void {
    const { text, starts } = this;
    let at = text.indexOf(needle);
    while (at !== -1) {
      // The entry containing `at`: the last start <= at.
      let lo = 0;
      let hi = starts.length - 2;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      if (hits[lo] === round) hits[lo] = round + 1;
      at = text.indexOf(needle, starts[lo + 1]!);
    }
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
