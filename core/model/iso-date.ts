/**
 * The one date format of the dataset and the settings. Its own module so the settings (read by
 * every extension page) do not load the incident schema and, with it, the public suffix list.
 */
import * as z from 'zod/mini';
import './zod-messages';

/** A calendar date, possibly partial ("2014", "2014-09", "2014-09-08"), as feeds often only know the month or year. */
export const isoDate = z.string().check(
  z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD'),
  z.refine((value: string) => {
    const [y, m, d] = value.split('-').map(Number);
    if (m !== undefined && (m < 1 || m > 12)) return false;
    if (d !== undefined) {
      const date = new Date(Date.UTC(y!, m! - 1, d));
      return date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
    }
    return y! >= 1990;
  }, 'is not a real calendar date'),
);
export type IsoDate = z.infer<typeof isoDate>;
