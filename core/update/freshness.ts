/**
 * How old the installed data is, in days since its data date, and when that is too old to stay
 * quiet about: past STALE_AFTER_DAYS the popup and the options page say so and offer a check.
 * A month: the feed is refreshed daily and re-signed weekly, so a month without news means the
 * updates are not arriving (no update URL, a feed that stopped, a blocked network).
 */
import { daysBetween } from '../model/incident-state';

export const STALE_AFTER_DAYS = 30;

/** Whole days from the data date to `today` (0 or more; a partial date counts from its first day). */
export function dataAgeDays(dataAsOf: string, today: string): number {
  const [y, m = '01', d = '01'] = dataAsOf.split('-');
  return Math.max(0, daysBetween(`${y}-${m}-${d}`, today));
}

export function isStale(dataAsOf: string, today: string): boolean {
  return dataAgeDays(dataAsOf, today) > STALE_AFTER_DAYS;
}
