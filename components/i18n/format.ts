/** Dates and numbers as people read them, in their language, from the dataset's ISO (possibly partial) dates. */
import type { Translator } from './translator';
import { daysBetween } from '@/core/model/incident-state';

/** "2025-04-25" → "25 Apr 2025" (en-GB); "2025-04" → "Apr 2025"; "2025" → "2025". */
export function formatDate(date: string, locale = 'en-GB'): string {
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return String(y);
  const when = new Date(Date.UTC(y!, m - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions = d === undefined ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(when);
}

/** "3 days ago", "7 months ago", "2 years ago" — relative to the evaluated today. */
export function formatAgo(date: string, today: string, tr: Translator): string {
  const days = daysBetween(date, today);
  if (days <= 0) return tr.t('ago_today');
  if (days === 1) return tr.t('ago_yesterday');
  if (days < 31) return tr.plural('ago_days', days);
  const months = Math.round(days / 30.44);
  if (months < 24) return tr.plural('ago_months', months);
  return tr.plural('ago_years', Math.floor(days / 365.25));
}

/** "22 Apr 2025 · 19 months ago": absolute and relative together. */
export function formatDateWithAgo(date: string, today: string, tr: Translator): string {
  return tr.t('dateWithAgo', { date: formatDate(date, tr.locale), ago: formatAgo(date, today, tr) });
}
