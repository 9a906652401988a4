import type { Translator } from './i18n/translator';
import type { UpdateStatus } from '@/core/update/status';

/** The last update attempt in the reader's language: the options page and the popup say it alike. */
export function updateStatusWords(tr: Translator, status: UpdateStatus): string {
  if (status.result === 'up-to-date') return tr.t('upToDate', { version: status.version ?? '' });
  if (status.result === 'updated' && status.changes) {
    const { added, changed, removed } = status.changes;
    return tr.plural('updated', added.length, { version: status.version ?? '', changed: changed.length, removed: removed.length });
  }
  return tr.t('refused', { reason: status.reason ?? status.message });
}
