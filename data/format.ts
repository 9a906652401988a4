/** Dates as people read them, from the ISO (possibly partial) dates the dataset stores. */
import { daysBetween } from './incident-state';

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2025-04-25" → "25 Apr 2025"; "2025-04" → "Apr 2025"; "2025" → "2025". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return String(y);
  const when = new Date(Date.UTC(y!, m - 1, d ?? 1));
  return (d === undefined ? MONTH : DAY).format(when);
}

/** "3 days ago", "7 months ago", "2 years ago" — relative to the evaluated today. */
export function formatAgo(date: string, today: string): string {
  const days = daysBetween(date, today);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 31) return `${days} days ago`;
  const months = Math.round(days / 30.44);
  if (months < 12) return `${months} month${months === 1 ? '' : 's'} ago`;
  const years = Math.floor(days / 365.25);
  return `${years} year${years === 1 ? '' : 's'} ago`;
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat('en-GB').format(n);
}
