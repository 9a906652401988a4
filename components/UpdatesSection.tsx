import { useState } from 'preact/hooks';
import { formatDate } from './i18n/format';
import type { Settings } from '@/core/storage/settings';
import type { ProgressStage, UpdateStatus } from '@/core/update/status';
import { useI18n } from './i18n/context';
import { updateStatusWords } from './update-status-words';

export interface UpdatesSectionProps {
  settings: Settings;
  buildUpdateUrl: string;
  updateStatus: UpdateStatus | undefined;
  updateProgress: ProgressStage | null;
  onSettings(change: Partial<Settings>): Promise<void>;
  onCheckNow(): Promise<void>;
  onImportFile(file: File): Promise<void>;
}

/** Where updates come from, "check now", "import from file", and what the last attempt did. */
export function UpdatesSection(props: UpdatesSectionProps) {
  const tr = useI18n();
  const { settings, buildUpdateUrl, updateStatus, updateProgress } = props;
  const [url, setUrl] = useState(settings.updateUrl ?? '');
  const [error, setError] = useState('');
  const busy = updateProgress !== null;
  const effectiveUrl = settings.updateUrl ?? buildUpdateUrl;
  const when = updateStatus && `${formatDate(updateStatus.at.slice(0, 10), tr.locale)} ${updateStatus.at.slice(11, 16)} UTC`;
  return (
    <section aria-labelledby="updates-heading" role="region">
      <h2 id="updates-heading">{tr.t('updatesHeading')}</h2>
      <p class="hint">{tr.t('updatesHint')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setError('');
          props.onSettings({ updateUrl: url.trim() === '' ? null : url.trim() }).catch(() => setError(tr.t('invalidUrl')));
        }}
      >
        <label for="update-url">{tr.t('updateUrl')}</label>{' '}
        <input id="update-url" type="url" size={48} placeholder={buildUpdateUrl || 'https://…/manifest.json'} value={url} onInput={(e) => setUrl(e.currentTarget.value)} />{' '}
        <button type="submit">{tr.t('saveUrl')}</button>
        {error && <p class="error">{error}</p>}
      </form>
      <p>
        <label>
          <input type="checkbox" checked={settings.autoUpdate} onChange={(e) => void props.onSettings({ autoUpdate: e.currentTarget.checked })} /> {tr.t('autoUpdate')}
        </label>
      </p>
      <p>
        <button type="button" disabled={busy || !effectiveUrl} onClick={() => void props.onCheckNow()}>
          {tr.t('checkNow')}
        </button>{' '}
        {!effectiveUrl && <span class="hint">{tr.t('noUpdateUrl')}</span>}
      </p>
      <p>
        <label for="import-file">{tr.t('importFile')}</label>{' '}
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
        {busy && <p>{tr.t(`progress_${updateProgress}`)}</p>}
        {updateStatus && (
          <>
            <p data-result={updateStatus.result}>{tr.t(updateStatus.source === 'file' ? 'lastImport' : 'lastCheck', { when: when!, message: updateStatusWords(tr, updateStatus) })}</p>
            {updateStatus.changes && (
              <ul class="changes">
                {updateStatus.changes.added.map((id) => (
                  <li key={`a-${id}`}>{tr.t('changeAdded', { id })}</li>
                ))}
                {updateStatus.changes.changed.map((id) => (
                  <li key={`c-${id}`}>{tr.t('changeChanged', { id })}</li>
                ))}
                {updateStatus.changes.removed.map((id) => (
                  <li key={`r-${id}`}>{tr.t('changeRemoved', { id })}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
