import { useMemo } from 'preact/hooks';
import type { Translator } from './i18n/translator';
import type { Incident } from '@/core/model/schema';
import type { FacetCounts, SearchFilters, SearchIndex, SearchQuery } from '@/core/search/search';
import { kindLabel, serviceLabel, statusLabel } from './i18n/labels';
import { INCIDENT_KINDS, INCIDENT_STATUSES, SERVICE_KEYS } from '@/core/model/vocabulary';
import { useI18n } from './i18n/context';
import { IncidentCard } from './IncidentCard';

export interface SearchPanelProps {
  index: SearchIndex;
  today: string;
  datasetVersion: string;
  query: SearchQuery;
  onQuery(query: SearchQuery): void;
  lookup(id: string): Incident | undefined;
}

type FacetName = keyof SearchFilters;

interface Facet {
  name: FacetName;
  label: 'filterService' | 'filterStatus' | 'filterKind' | 'filterData' | 'filterActor' | 'filterCountry' | 'filterYear';
  aria: 'filterByService' | 'filterByStatus' | 'filterByKind' | 'filterByData' | 'filterByActor' | 'filterByCountry' | 'filterByYear';
  /** Every value the facet can take, with the words to show for it. */
  options(tr: Translator, all: FacetCounts): [string, string][];
  counts(facets: FacetCounts): Record<string, number | undefined>;
}

const byCount = (counts: Record<string, number>) => Object.keys(counts).sort((a, b) => counts[b]! - counts[a]! || a.localeCompare(b));

const FACETS: Facet[] = [
  { name: 'service', label: 'filterService', aria: 'filterByService', options: (tr) => SERVICE_KEYS.map((k) => [k, serviceLabel(tr, k)]), counts: (f) => f.service },
  { name: 'status', label: 'filterStatus', aria: 'filterByStatus', options: (tr) => INCIDENT_STATUSES.map((k) => [k, statusLabel(tr, k)]), counts: (f) => f.status },
  { name: 'kind', label: 'filterKind', aria: 'filterByKind', options: (tr) => INCIDENT_KINDS.map((k) => [k, kindLabel(tr, k)]), counts: (f) => f.kind },
  { name: 'dataClass', label: 'filterData', aria: 'filterByData', options: (_, all) => byCount(all.dataClass).map((k) => [k, k]), counts: (f) => f.dataClass },
  { name: 'actor', label: 'filterActor', aria: 'filterByActor', options: (_, all) => byCount(all.actor).map((k) => [k, k]), counts: (f) => f.actor },
  { name: 'country', label: 'filterCountry', aria: 'filterByCountry', options: (tr, all) => byCount(all.country).map((k) => [k, regionName(tr, k)]), counts: (f) => f.country },
  { name: 'year', label: 'filterYear', aria: 'filterByYear', options: (_, all) => Object.keys(all.year).sort().reverse().map((k) => [k, k]), counts: (f) => f.year },
];

function regionName(tr: Translator, code: string): string {
  try {
    return new Intl.DisplayNames(tr.locale, { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Search over every incident: free text and facets with counts, results as you type, newest first. */
export function SearchPanel({ index, today, datasetVersion, query, onQuery, lookup }: SearchPanelProps) {
  const tr = useI18n();
  const all = useMemo(() => index.search({}, 0).facets, [index]);
  const options = useMemo(() => FACETS.map((f) => f.options(tr, all)), [tr, all]);
  const result = useMemo(() => index.search(query), [index, query]);
  const set = (change: Partial<SearchQuery>) => onQuery({ ...query, ...change });
  const filtered = FACETS.some((f) => query[f.name]);
  return (
    <section class="search" aria-labelledby="search-heading">
      <h2 id="search-heading">{tr.t('searchHeading')}</h2>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="search-text">{tr.t('searchLabel')}</label>
        <input id="search-text" type="search" placeholder={tr.t('searchPlaceholder')} value={query.text ?? ''} onInput={(e) => set({ text: e.currentTarget.value })} />
        <div class="filters">
          {FACETS.map((facet, i) => {
            const counts = facet.counts(result.facets);
            return (
              <label key={facet.name}>
                <span class="filter-name">{tr.t(facet.label)}</span>
                <select aria-label={tr.t(facet.aria)} value={query[facet.name] ?? ''} onChange={(e) => set({ [facet.name]: e.currentTarget.value || undefined })}>
                  <option value="">{tr.t('anyValue')}</option>
                  {options[i]!.map(([value, label]) => (
                    <option key={value} value={value}>
                      {tr.t('optionWithCount', { label, count: counts[value] ?? 0 })}
                    </option>
                  ))}
                </select>
              </label>
            );
          })}
        </div>
        {filtered && (
          <button type="button" onClick={() => onQuery({ text: query.text })}>
            {tr.t('clearFilters')}
          </button>
        )}
      </form>
      <p class="count" role="status">
        {tr.plural('resultsCount', result.total)}
        {result.total > result.incidents.length && tr.t('showingMostRecent', { shown: result.incidents.length })}
      </p>
      <ul class="results" aria-label={tr.t('resultsLabel')}>
        {result.incidents.map((incident) => (
          <li key={incident.id}>
            <IncidentCard incident={incident} today={today} datasetVersion={datasetVersion} collapsed lookup={lookup} onShowIncident={(id) => onQuery({ text: id })} />
          </li>
        ))}
      </ul>
    </section>
  );
}
