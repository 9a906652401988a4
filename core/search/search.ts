/**
 * Search over all incidents, for the popup: free text over organisation, brands, domains,
 * services, data classes, actors, authorities, title and summary, plus facet filters. The index
 * is built once per dataset; a keystroke is a scan of precomputed lower-case strings.
 *
 * Performance (see README, "Performance"): typing narrows. A term matches where a word starts
 * with it, so when every term of the new query starts with the same-place term of an earlier one
 * ("clic" after "cli", "click a" after "click"), the new matches are among the earlier ones: the
 * index keeps the text matches of the last few queries and scans only the best of them, and only
 * for the terms that changed. A keystroke then costs a scan of the whole dataset only when it
 * widens the search (a new first letter, a pasted phrase).
 */
import { isKnownAsOf, statusAsOf } from '../model/incident-state';
import type { Incident } from '../model/schema';
import { compareIncidents } from '../model/incident-order';
import type { IncidentKind, IncidentStatus, ServiceKey } from '../model/vocabulary';

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

/** The words people use for the closed vocabularies, in one language ("Click & collect", "Retrait en magasin"). */
export interface VocabularyWords {
  service(key: ServiceKey): string;
  kind(key: IncidentKind): string;
}

interface Entry {
  incident: Incident;
  haystack: string;
  status: IncidentStatus;
  services: ServiceKey[];
  dataClasses: string[];
  actors: string[];
  countries: string[];
  year: string;
}

/** How many earlier queries' text matches are kept for narrowing (typing forward and back). */
const HISTORY = 16;

interface TextMatches {
  terms: string[];
  /** Positions in `entries` of the entries containing every term, ascending. */
  matched: Int32Array;
}

export class SearchIndex {
  private readonly entries: Entry[];
  private readonly history: TextMatches[] = [];

  /**
   * `words`: the languages whose words for services and kinds the index knows (English and the
   * user's), so "retrait" finds click and collect in French and "click & collect" everywhere.
   */
  constructor(incidents: Incident[], today: string, words: readonly VocabularyWords[] = []) {
    // As the site report does: on a chosen day, only what was public by then (time travel shows no future).
    this.entries = incidents.filter((incident) => isKnownAsOf(incident, today)).sort(compareIncidents).map((incident) => {
      const services = [...new Set(incident.services.map((s) => s.service))];
      const haystack = foldText(
        [
          incident.id,
          incident.title,
          incident.organisation,
          ...incident.brands,
          ...incident.domains,
          ...words.map((w) => w.kind(incident.kind)),
          ...services.map((s) => [s, ...words.map((w) => w.service(s))].join(' ')),
          ...incident.dataExposed.map((d) => d.dataClass),
          ...incident.actors.map((a) => a.name),
          ...incident.authorities,
          incident.summary,
        ].join(' | '),
      );
      return {
        incident,
        haystack,
        status: statusAsOf(incident, today),
        services,
        dataClasses: [...new Set(incident.dataExposed.map((d) => d.dataClass))],
        actors: [...new Set(incident.actors.map((a) => a.name))],
        countries: [...new Set(incident.countries)],
        year: incident.disclosedOn.slice(0, 4),
      };
    });
  }

  get size(): number {
    return this.entries.length;
  }

  /** Drops the remembered text matches (benchmarks: measure a typing session from its first key). */
  forgetQueries(): void {
    this.history.length = 0;
  }

  search(query: SearchQuery, limit = 50): SearchResult {
    const terms = foldText(query.text ?? '').trim().split(' ').filter(Boolean);
    const matched = terms.length > 0 ? this.textMatches(terms) : null;
    // Keep the words of a phrase together when they are: "click and collect" ranks exact phrases first.
    const phrase = terms.length > 1 ? ` ${terms.join(' ')} ` : null;
    const exact: Entry[] = [];
    const loose: Entry[] = [];
    const facets: FacetCounts = { service: {}, status: {}, kind: {}, dataClass: {}, actor: {}, country: {}, year: {} };
    const count = matched ? matched.length : this.entries.length;
    for (let k = 0; k < count; k++) {
      const entry = this.entries[matched ? matched[k]! : k]!;
      if (!matchesFilters(entry, query)) continue;
      (phrase && entry.haystack.includes(phrase) ? exact : loose).push(entry);
      facets.status[entry.status] = (facets.status[entry.status] ?? 0) + 1;
      facets.kind[entry.incident.kind] = (facets.kind[entry.incident.kind] ?? 0) + 1;
      for (const s of entry.services) facets.service[s] = (facets.service[s] ?? 0) + 1;
      // Each value once per incident (precomputed: a keystroke allocates no sets).
      for (const d of entry.dataClasses) bump(facets.dataClass, d);
      for (const a of entry.actors) bump(facets.actor, a);
      for (const c of entry.countries) bump(facets.country, c);
      bump(facets.year, entry.year);
    }
    const all = phrase ? [...exact, ...loose] : loose;
    return { incidents: all.slice(0, limit).map((e) => e.incident), total: all.length, facets };
  }

  /** The entries containing every term (as " term"), narrowed from the best earlier query when one applies. */
  private textMatches(terms: string[]): Int32Array {
    let base: TextMatches | undefined;
    for (const earlier of this.history) {
      if (narrows(terms, earlier.terms) && (!base || earlier.matched.length < base.matched.length)) base = earlier;
    }
    // Only the terms that differ from the base query's need checking.
    const needles = terms.filter((t, i) => base?.terms[i] !== t).map((t) => ` ${t}`);
    const out = new Int32Array(base ? base.matched.length : this.entries.length);
    let count = 0;
    const total = base ? base.matched.length : this.entries.length;
    for (let k = 0; k < total; k++) {
      const position = base ? base.matched[k]! : k;
      const haystack = this.entries[position]!.haystack;
      let all = true;
      for (let t = 0; t < needles.length; t++) {
        if (!haystack.includes(needles[t]!)) {
          all = false;
          break;
        }
      }
      if (all) out[count++] = position;
    }
    const result: TextMatches = { terms, matched: out.slice(0, count) };
    const same = this.history.findIndex((h) => h.terms.join(' ') === terms.join(' '));
    if (same !== -1) this.history.splice(same, 1);
    this.history.unshift(result);
    if (this.history.length > HISTORY) this.history.pop();
    return result.matched;
  }
}

/** True when every entry matching `terms` also matches `earlier`: each earlier term is a prefix of the term in its place. */
function narrows(terms: string[], earlier: string[]): boolean {
  if (earlier.length > terms.length) return false;
  for (let i = 0; i < earlier.length; i++) if (!terms[i]!.startsWith(earlier[i]!)) return false;
  return true;
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
