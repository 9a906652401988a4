import { memo } from 'preact/compat';
import { useCallback, useState } from 'preact/hooks';
import type { InstalledDataset } from '@/core/storage/db';
import { formatDate } from './i18n/format';
import { matchedDomain } from '@/core/matching/matching';
import type { Incident } from '@/core/model/schema';
import type { SearchIndex, SearchQuery } from '@/core/search/search';
import type { SiteReport } from '@/core/alerts/site-report';
import { useI18n } from './i18n/context';
import { IncidentCard } from './IncidentCard';
import { SearchPanel } from './SearchPanel';
import { DataFreshness } from './DataFreshness';
import type { UpdateStatus } from '@/core/update/status';

export interface PopupAppProps {
  report: SiteReport | null;
  /** Null while all incidents are still loading: the current site shows first. */
  index: SearchIndex | null;
  today: string;
  dataset: InstalledDataset | undefined;
  /** Licences that ask for attribution, e.g. "Have I Been Pwned (CC BY 4.0)". */
  attributions: string[];
  lookup(id: string): Incident | undefined;
  onUnmute(site: string): void;
  /** Whether an update URL is set, a check is under way, and what the last one said. */
  updates: { canCheck: boolean; checking: boolean; lastStatus: UpdateStatus | undefined };
  onCheckNow(): void;
}

export function PopupApp({ report, index, today, dataset, attributions, lookup, onUnmute, updates, onCheckNow }: PopupAppProps) {
  const tr = useI18n();
  const [query, setQuery] = useState<SearchQuery>({});
  const version = dataset?.version ?? '';
  const showIncident = useCallback((id: string) => {
    setQuery({ text: id });
    document.getElementById('search-heading')?.scrollIntoView();
  }, []);
  return (
    <main class="popup">
      <header class="popup-head">
        <h1>{tr.t('extName')}</h1>
      </header>
      <SiteSection report={report} today={today} version={version} lookup={lookup} onShowIncident={showIncident} onUnmute={onUnmute} />
      {index ? (
        <SearchPanel index={index} today={today} datasetVersion={version} query={query} onQuery={setQuery} lookup={lookup} />
      ) : (
        <p class="muted" role="status">
          {tr.t('loadingSearch')}
        </p>
      )}
      <footer class="popup-foot">
        {dataset ? (
          <>
            <p>{tr.t('dataAsOf', { date: formatDate(dataset.dataAsOf, tr.locale), count: dataset.counts.incidents, version: dataset.version })}</p>
            <DataFreshness dataset={dataset} today={today} {...updates} showOutcome onCheckNow={onCheckNow} />
          </>
        ) : (
          <p>{tr.t('datasetMissing')}</p>
        )}
        {attributions.length > 0 && <p>{tr.t('attribution', { list: attributions.join(', ') })}</p>}
        <p>{tr.t('privacyNote')}</p>
      </footer>
    </main>
  );
}

interface SiteSectionProps {
  report: SiteReport | null;
  today: string;
  version: string;
  lookup(id: string): Incident | undefined;
  onShowIncident(id: string): void;
  onUnmute(site: string): void;
}

/** Memoised: typing in the search below must not re-render the current site's cards. */
const SiteSection = memo(function SiteSection({ report, today, version, lookup, onShowIncident, onUnmute }: SiteSectionProps) {
  const tr = useI18n();
  if (!report) {
    return (
      <section class="site" aria-label={tr.t('notWebPage')}>
        <p>{tr.t('notWebPage')}</p>
      </section>
    );
  }
  return (
    <section class="site" aria-label={tr.t('incidentsAt', { site: report.site })}>
      <h2>{report.site}</h2>
      {report.muted && (
        <p class="muted-note">
          {tr.t('mutedNote')}{' '}
          <button type="button" onClick={() => onUnmute(report.site)}>
            {tr.t('unmute')}
          </button>
        </p>
      )}
      {report.incidents.length === 0 ? (
        <p>{tr.t('noIncidents')}</p>
      ) : (
        report.incidents.map((incident) => (
          <IncidentCard
            key={incident.id}
            incident={incident}
            today={today}
            datasetVersion={version}
            match={{ hostname: report.hostname, domain: matchedDomain(incident.domains, report.hostname) ?? report.site }}
            dismissedRevision={report.dismissed[incident.id]}
            lookup={lookup}
            onShowIncident={onShowIncident}
          />
        ))
      )}
    </section>
  );
});
