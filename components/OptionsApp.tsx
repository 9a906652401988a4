import { useState } from 'preact/hooks';
import type { InstalledDataset } from '@/core/storage/db';
import { formatDate } from './i18n/format';
import type { Settings } from '@/core/storage/settings';
import type { ProgressStage, UpdateStatus } from '@/core/update/status';
import { useI18n } from './i18n/context';
import { UpdatesSection } from './UpdatesSection';
import { DataFreshness } from './DataFreshness';

export interface OptionsAppProps {
  settings: Settings;
  mutedSites: string[];
  dismissalCount: number;
  dataset: InstalledDataset | undefined;
  onSettings(change: Partial<Settings>): Promise<void>;
  onUnmute(site: string): Promise<void>;
  onResetDismissals(): Promise<void>;
  /** The build's default update URL ('' when none). */
  buildUpdateUrl: string;
  updateStatus: UpdateStatus | undefined;
  updateProgress: ProgressStage | null;
  onCheckNow(): Promise<void>;
  onImportFile(file: File): Promise<void>;
  /** The day the page evaluates the data on (the real day, or the review override). */
  today: string;
}

export function OptionsApp(props: OptionsAppProps) {
  const tr = useI18n();
  const { settings, mutedSites, dismissalCount, dataset } = props;
  const [windowDays, setWindowDays] = useState(String(settings.alertWindowDays));
  const [message, setMessage] = useState('');
  const run = (action: Promise<void>, done: string) =>
    action.then(
      () => setMessage(done),
      (error: unknown) => setMessage(tr.t('notSaved', { reason: error instanceof Error ? error.message : String(error) })),
    );

  return (
    <main class="options">
      <h1>{tr.t('optionsTitle')}</h1>
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">{tr.t('alertsHeading')}</h2>
        <p>
          <label>
            <input type="checkbox" checked={settings.bannerEnabled} onChange={(e) => run(props.onSettings({ bannerEnabled: e.currentTarget.checked }), tr.t('saved'))} />{' '}
            {tr.t('bannerToggle')}
          </label>
        </p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const days = Number(windowDays);
            if (!Number.isInteger(days) || days < 1 || days > 3650) {
              setMessage(tr.t('invalidWindow'));
              return;
            }
            void run(props.onSettings({ alertWindowDays: days }), tr.t('saved'));
          }}
        >
          <label for="alert-window">{tr.t('alertWindowLabel')}</label>{' '}
          <input id="alert-window" type="number" min={1} max={3650} required value={windowDays} onInput={(e) => setWindowDays(e.currentTarget.value)} />{' '}
          <button type="submit">{tr.t('save')}</button>
        </form>
        <p class="hint">{tr.t('alertHint')}</p>
      </section>

      <section aria-labelledby="muted-heading">
        <h2 id="muted-heading">{tr.t('mutedHeading')}</h2>
        {mutedSites.length === 0 ? (
          <p>{tr.t('noMuted')}</p>
        ) : (
          <ul class="muted-sites">
            {mutedSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" aria-label={tr.t('unmuteSite', { site })} onClick={() => run(props.onUnmute(site), tr.t('unmuted', { site }))}>
                  {tr.t('unmute')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <p>
          {dismissalCount === 0 ? tr.t('noDismissed') : tr.plural('dismissed', dismissalCount)}{' '}
          <button type="button" disabled={dismissalCount === 0} onClick={() => run(props.onResetDismissals(), tr.t('resetDone'))}>
            {tr.t('resetDismissals')}
          </button>
        </p>
      </section>

      <section aria-labelledby="dataset-heading" role="region">
        <h2 id="dataset-heading">{tr.t('datasetHeading')}</h2>
        {dataset ? (
          <>
            <dl class="dataset">
              <dt>{tr.t('versionLabel')}</dt>
              <dd>{dataset.version}</dd>
              <dt>{tr.t('dataAsOfLabel')}</dt>
              <dd>{formatDate(dataset.dataAsOf, tr.locale)}</dd>
              <dt>{tr.t('incidentsLabel')}</dt>
              <dd>{tr.number(dataset.counts.incidents)}</dd>
              <dt>{tr.t('domainsLabel')}</dt>
              <dd>{tr.number(dataset.counts.domains)}</dd>
              <dt>{tr.t('originLabel')}</dt>
              <dd>{dataset.origin === 'signed' ? tr.t('originSigned', { sequence: String(dataset.sequence) }) : tr.t('originBundled')}</dd>
            </dl>
            <DataFreshness
              dataset={dataset}
              today={props.today}
              canCheck={Boolean(settings.updateUrl ?? props.buildUpdateUrl)}
              checking={props.updateProgress !== null}
              lastStatus={props.updateStatus}
              onCheckNow={() => void props.onCheckNow()}
            />
          </>
        ) : (
          <p>{tr.t('datasetMissing')}</p>
        )}
      </section>
      <UpdatesSection {...props} />
      <p role="status" class="message">
        {message}
      </p>
    </main>
  );
}
