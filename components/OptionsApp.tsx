import { useState } from 'preact/hooks';
import type { InstalledDataset } from '@/data/db';
import { formatDate } from '@/data/format';
import type { Settings } from '@/data/settings';
import { PROGRESS_WORDS, type UpdateStatus } from '@/data/update/status';
import { UpdatesSection } from './UpdatesSection';

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
  updateProgress: keyof typeof PROGRESS_WORDS | null;
  onCheckNow(): Promise<void>;
  onImportFile(file: File): Promise<void>;
}

export function OptionsApp(props: OptionsAppProps) {
  const { settings, mutedSites, dismissalCount, dataset } = props;
  const [windowDays, setWindowDays] = useState(String(settings.alertWindowDays));
  const [message, setMessage] = useState('');
  const run = (action: Promise<void>, done: string) =>
    action.then(
      () => setMessage(done),
      (error: unknown) => setMessage(`Not saved: ${error instanceof Error ? error.message : String(error)}`),
    );

  return (
    <main class="options">
      <h1>Caveat settings</h1>
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Alerts</h2>
        <p>
          <label>
            <input type="checkbox" checked={settings.bannerEnabled} onChange={(e) => run(props.onSettings({ bannerEnabled: e.currentTarget.checked }), 'Saved.')} />{' '}
            Show a banner on sites with recent or ongoing incidents
          </label>
        </p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const days = Number(windowDays);
            if (!Number.isInteger(days) || days < 1 || days > 3650) {
              setMessage('The alert window must be a whole number of days between 1 and 3650.');
              return;
            }
            void run(props.onSettings({ alertWindowDays: days }), 'Saved.');
          }}
        >
          <label for="alert-window">Alert about incidents that changed within (days)</label>{' '}
          <input id="alert-window" type="number" min={1} max={3650} required value={windowDays} onInput={(e) => setWindowDays(e.currentTarget.value)} />{' '}
          <button type="submit">Save</button>
        </form>
        <p class="hint">Ongoing incidents always alert. The badge and popup always show every known incident.</p>
      </section>

      <section aria-labelledby="muted-heading">
        <h2 id="muted-heading">Muted sites</h2>
        {mutedSites.length === 0 ? (
          <p>No muted sites.</p>
        ) : (
          <ul class="muted-sites">
            {mutedSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" aria-label={`Unmute ${site}`} onClick={() => run(props.onUnmute(site), `Unmuted ${site}.`)}>
                  Unmute
                </button>
              </li>
            ))}
          </ul>
        )}
        <p>
          {dismissalCount === 0 ? 'No dismissed banners.' : `${dismissalCount} dismissed banner${dismissalCount === 1 ? '' : 's'}.`}{' '}
          <button type="button" disabled={dismissalCount === 0} onClick={() => run(props.onResetDismissals(), 'Dismissed banners will show again.')}>
            Reset dismissals
          </button>
        </p>
      </section>

      <section aria-labelledby="dataset-heading" role="region">
        <h2 id="dataset-heading">Dataset</h2>
        {dataset ? (
          <dl class="dataset">
            <dt>Version</dt>
            <dd>{dataset.version}</dd>
            <dt>Data as of</dt>
            <dd>{formatDate(dataset.dataAsOf)}</dd>
            <dt>Incidents</dt>
            <dd>{dataset.counts.incidents}</dd>
            <dt>Domains</dt>
            <dd>{dataset.counts.domains}</dd>
            <dt>Origin</dt>
            <dd>{dataset.origin === 'signed' ? `Signed update (sequence ${dataset.sequence})` : 'Bundled with the extension'}</dd>
          </dl>
        ) : (
          <p>The dataset is not installed yet.</p>
        )}
      </section>
      <UpdatesSection {...props} />
      <p role="status" class="message">
        {message}
      </p>
    </main>
  );
}
