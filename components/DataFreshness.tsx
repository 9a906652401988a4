import { useI18n } from './i18n/context';
import { dataAgeDays, isStale, STALE_AFTER_DAYS } from '@/core/update/freshness';
import type { InstalledDataset } from '@/core/storage/db';
import type { UpdateStatus } from '@/core/update/status';
import { updateStatusWords } from './update-status-words';

export interface DataFreshnessProps {
  dataset: Pick<InstalledDataset, 'dataAsOf' | 'replacedUntrusted'>;
  today: string;
  /** Whether an update URL is set (the user's or the build's): only then can a check help. */
  canCheck: boolean;
  /** A check or an import is under way. */
  checking: boolean;
  lastStatus: UpdateStatus | undefined;
  /** Show the last check's outcome here (the popup); the options page shows it in its updates section. */
  showOutcome?: boolean;
  onCheckNow(): void;
}

/**
 * How old the installed data is (beside its date, which the popup and options already show), said plainly; past the threshold a warning and "check for an
 * update now". Also why the data may be stale though it looks current (the update server offered
 * an expired manifest), and why an update was undone (its key is no longer trusted).
 */
export function DataFreshness({ dataset, today, canCheck, checking, lastStatus, showOutcome = false, onCheckNow }: DataFreshnessProps) {
  const tr = useI18n();
  const age = dataAgeDays(dataset.dataAsOf, today);
  const stale = isStale(dataset.dataAsOf, today);
  const expired = lastStatus?.result === 'refused' && lastStatus.code === 'expired';
  return (
    <div class={`freshness${stale || expired ? ' stale' : ''}`} data-stale={stale ? 'true' : 'false'}>
      <p>{tr.t('dataLastChanged', { age: age === 0 ? tr.t('dataAgeToday') : tr.plural('dataAge', age) })}</p>
      {stale && <p class="warning">{tr.t('dataStale', { days: STALE_AFTER_DAYS })}</p>}
      {expired && <p class="warning">{tr.t('updateExpired')}</p>}
      {dataset.replacedUntrusted && (
        <p class="warning">{tr.t('replacedUntrusted', { version: dataset.replacedUntrusted.version, sequence: String(dataset.replacedUntrusted.sequence) })}</p>
      )}
      {(stale || expired) &&
        (canCheck ? (
          <p>
            <button type="button" disabled={checking} onClick={onCheckNow}>
              {tr.t('checkForUpdate')}
            </button>
          </p>
        ) : (
          <p class="hint">{tr.t('staleNoUpdateSource')}</p>
        ))}
      {showOutcome && (
        <p role="status" class="freshness-status">
          {checking ? tr.t('checkingForUpdate') : lastStatus ? updateStatusWords(tr, lastStatus) : ''}
        </p>
      )}
    </div>
  );
}
