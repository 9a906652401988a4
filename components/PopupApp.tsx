import type { InstalledDataset } from '@/data/db';
import { formatDate } from '@/data/format';
import type { SearchIndex } from '@/data/search';
import type { SiteReport } from '@/data/site-report';
import { IncidentCard } from './IncidentCard';
import { SearchPanel } from './SearchPanel';

export interface PopupAppProps {
  report: SiteReport | null;
  index: SearchIndex;
  today: string;
  dataset: InstalledDataset | undefined;
  /** Licences that ask for attribution, e.g. "Have I Been Pwned (CC BY 4.0)". */
  attributions: string[];
  onUnmute(site: string): void;
}

export function PopupApp({ report, index, today, dataset, attributions, onUnmute }: PopupAppProps) {
  return (
    <main class="popup">
      <header class="popup-head">
        <h1>Caveat</h1>
      </header>
      <SiteSection report={report} today={today} onUnmute={onUnmute} />
      <SearchPanel index={index} today={today} />
      <footer class="popup-foot">
        {dataset ? (
          <p>
            Data as of {formatDate(dataset.dataAsOf)} · {dataset.counts.incidents} incidents · version {dataset.version}
          </p>
        ) : (
          <p>The dataset is not installed yet.</p>
        )}
        {attributions.length > 0 && <p>Includes data from {attributions.join(', ')}.</p>}
        <p>Nothing you browse leaves your browser.</p>
      </footer>
    </main>
  );
}

function SiteSection({ report, today, onUnmute }: { report: SiteReport | null; today: string; onUnmute(site: string): void }) {
  if (!report) {
    return (
      <section class="site" aria-label="This page">
        <p>Caveat looks at websites (http and https pages) only.</p>
      </section>
    );
  }
  return (
    <section class="site" aria-label={`Incidents at ${report.site}`}>
      <h2>{report.site}</h2>
      {report.muted && (
        <p class="muted-note">
          The banner is muted on this site.{' '}
          <button type="button" onClick={() => onUnmute(report.site)}>
            Unmute
          </button>
        </p>
      )}
      {report.incidents.length === 0 ? (
        <p>No known incidents at this site.</p>
      ) : (
        report.incidents.map((incident) => <IncidentCard key={incident.id} incident={incident} today={today} />)
      )}
    </section>
  );
}
