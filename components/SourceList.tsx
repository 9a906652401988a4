import { formatDate } from './i18n/format';
import type { Source } from '@/core/model/schema';
import { useI18n } from './i18n/context';

/** Only https links are ever rendered as links; validation already refuses anything else. */
export function safeHref(url: string): string | undefined {
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function SourceList({ sources }: { sources: Source[] }) {
  const tr = useI18n();
  return (
    <ul class="sources">
      {sources.map((s) => (
        <li key={s.url}>
          <a href={safeHref(s.url)} target="_blank" rel="noopener noreferrer">
            {s.title ?? s.publisher}
          </a>
          {s.title && <span> — {s.publisher}</span>}
          {s.date && <span>, {formatDate(s.date, tr.locale)}</span>}
          {s.licence && <span class="licence"> ({tr.t('licence', { licence: s.licence })})</span>}
        </li>
      ))}
    </ul>
  );
}
