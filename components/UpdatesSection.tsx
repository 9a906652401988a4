import { useState } from 'preact/hooks';
import { formatDate } from '@/data/format';
import type { Settings } from '@/data/settings';
import { PROGRESS_WORDS, type UpdateStatus } from '@/data/update/status';

export interface UpdatesSectionProps {
  settings: Settings;
  buildUpdateUrl: string;
  updateStatus: UpdateStatus | undefined;
  updateProgress: keyof typeof PROGRESS_WORDS | null;
  onSettings(change: Partial<Settings>): Promise<void>;
  onCheckNow(): Promise<void>;
  onImportFile(file: File): Promise<void>;
}

/** Where updates come from, "check now", "import from file", and what the last attempt did. */
export function UpdatesSection(props: UpdatesSectionProps) {
  const { settings, buildUpdateUrl, updateStatus, updateProgress } = props;
  const [url, setUrl] = useState(settings.updateUrl ?? '');
  const [error, setError] = useState('');
  const busy = updateProgress !== null;
  const effectiveUrl = settings.updateUrl ?? buildUpdateUrl;
  return (
    <section aria-labelledby="updates-heading" role="region">
      <h2 id="updates-heading">Dataset updates</h2>
      <p class="hint">Only signed datasets are taken. Nothing but the update URL is ever fetched, without cookies, and never with anything about the sites you visit.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setError('');
          props.onSettings({ updateUrl: url.trim() === '' ? null : url.trim() }).catch((err: unknown) => setError(err instanceof Error ? 'The update URL must be an https URL.' : String(err)));
        }}
      >
        <label for="update-url">Update URL</label>{' '}
        <input id="update-url" type="url" size={48} placeholder={buildUpdateUrl || 'https://…/manifest.json'} value={url} onInput={(e) => setUrl(e.currentTarget.value)} />{' '}
        <button type="submit">Save URL</button>
        {error && <p class="error">{error}</p>}
      </form>
      <p>
        <label>
          <input type="checkbox" checked={settings.autoUpdate} onChange={(e) => void props.onSettings({ autoUpdate: e.currentTarget.checked })} /> Check for updates once a day
        </label>
      </p>
      <p>
        <button type="button" disabled={busy || !effectiveUrl} onClick={() => void props.onCheckNow()}>
          Check now
        </button>{' '}
        {!effectiveUrl && <span class="hint">No update URL is set.</span>}
      </p>
      <p>
        <label for="import-file">Import a signed dataset file</label>{' '}
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void props.onImportFile(file);
          }}
        />
      </p>
      <div aria-live="polite" class="update-status">
        {busy && <p>{PROGRESS_WORDS[updateProgress]}</p>}
        {updateStatus && (
          <>
            <p data-result={updateStatus.result}>
              Last {updateStatus.source === 'file' ? 'import' : 'check'}: {formatDate(updateStatus.at.slice(0, 10))} {updateStatus.at.slice(11, 16)} UTC — {updateStatus.message}
            </p>
            {updateStatus.changes && (updateStatus.changes.added.length > 0 || updateStatus.changes.changed.length > 0 || updateStatus.changes.removed.length > 0) && (
              <ul class="changes">
                {updateStatus.changes.added.map((id) => (
                  <li key={`a-${id}`}>Added: {id}</li>
                ))}
                {updateStatus.changes.changed.map((id) => (
                  <li key={`c-${id}`}>Changed: {id}</li>
                ))}
                {updateStatus.changes.removed.map((id) => (
                  <li key={`r-${id}`}>Removed: {id}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
