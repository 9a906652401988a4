/**
 * Sequence numbers follow the calendar: a publication made on day D carries at least D as
 * YYYYMMDD·100 (plus a counter for further publications that day), and a bundled dataset carries
 * its data date the same way (core/storage/bundled-dataset.ts). That gives a ceiling a device can
 * check with its own clock: an update may not claim a sequence beyond tomorrow's last number.
 *
 * Why a ceiling at all: the installed sequence only goes up, so a stolen key that published
 * sequence 2^53 would lock every installed copy out of every later real update, for good. Tied to
 * the calendar, the worst a stolen key can do is claim "today" (plus one day of slack for clocks
 * and time zones); the real publisher's next day's publication is higher again.
 */
export const PUBLICATIONS_PER_DAY = 100;
/** Days an update's sequence may run ahead of the device's clock (time zones, a publisher ahead of UTC). */
export const SEQUENCE_SLACK_DAYS = 1;

/** YYYY-MM-DD (or YYYY-MM, YYYY) → YYYYMMDD·100: the first sequence of that day. */
export function daySequence(day: string): number {
  const [y, m = '01', d = '01'] = day.split('-');
  return Number(`${y}${m}${d}`) * PUBLICATIONS_PER_DAY;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The highest sequence an update may carry when the device's clock says `today`. */
export function sequenceCeiling(today: string): number {
  return daySequence(addDays(today, SEQUENCE_SLACK_DAYS)) + PUBLICATIONS_PER_DAY - 1;
}
