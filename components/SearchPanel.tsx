import { useMemo, useState } from 'preact/hooks';
import type { SearchIndex, SearchQuery } from '@/data/search';
import { INCIDENT_STATUSES, SERVICE_KEYS, SERVICE_LABELS, STATUS_LABELS, type IncidentStatus, type ServiceKey } from '@/data/vocabulary';
import { IncidentCard } from './IncidentCard';

export interface SearchPanelProps {
  index: SearchIndex;
  today: string;
}

/** Search over every incident: free text plus service and status filters, with counts. */
export function SearchPanel({ index, today }: SearchPanelProps) {
  const [query, setQuery] = useState<SearchQuery>({});
  const result = useMemo(() => index.search(query), [index, query]);
  const set = (change: Partial<SearchQuery>) => setQuery((q) => ({ ...q, ...change }));
  return (
    <section class="search" aria-labelledby="search-heading">
      <h2 id="search-heading">Search all incidents</h2>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="search-text">Retailer, service, data, actor or words</label>
        <input
          id="search-text"
          type="search"
          placeholder="e.g. click and collect, Scattered Spider"
          value={query.text ?? ''}
          onInput={(e) => set({ text: e.currentTarget.value })}
        />
        <div class="filters">
          <label>
            Service{' '}
            <select aria-label="Filter by service" value={query.service ?? ''} onChange={(e) => set({ service: (e.currentTarget.value || undefined) as ServiceKey | undefined })}>
              <option value="">Any service</option>
              {SERVICE_KEYS.map((key) => (
                <option key={key} value={key}>
                  {SERVICE_LABELS[key]} ({result.facets.service[key] ?? 0})
                </option>
              ))}
            </select>
          </label>
          <label>
            Status{' '}
            <select aria-label="Filter by status" value={query.status ?? ''} onChange={(e) => set({ status: (e.currentTarget.value || undefined) as IncidentStatus | undefined })}>
              <option value="">Any status</option>
              {INCIDENT_STATUSES.map((key) => (
                <option key={key} value={key}>
                  {STATUS_LABELS[key]} ({result.facets.status[key] ?? 0})
                </option>
              ))}
            </select>
          </label>
        </div>
      </form>
      <p class="count" role="status">
        {result.total === 1 ? '1 incident' : `${result.total} incidents`}
        {result.total > result.incidents.length && `, showing the ${result.incidents.length} most recent`}
      </p>
      <ul class="results" aria-label="Search results">
        {result.incidents.map((incident) => (
          <li key={incident.id}>
            <IncidentCard incident={incident} today={today} collapsed />
          </li>
        ))}
      </ul>
    </section>
  );
}
