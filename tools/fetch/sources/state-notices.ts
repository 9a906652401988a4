/**
 * What the three attorneys-general lists share: each is an HTML table of breach notices, newest
 * first, and each row becomes the record `import notices` reads (the recording in
 * ../shared/datasets/breachradar-sec-stateag.json is breachradar's output for these same pages;
 * its ids, "california:<slug of organisation and date>", are kept so re-imports update rather
 * than duplicate). Rows reported before the window are left out; at most 500 per source a run.
 */
import { readTables, type Cell } from '../html-table';
import { normaliseDate, recordSlug, ShapeError, type SourceId } from '../source';

export const MAX_NOTICES = 500;

export interface Notice {
  organisation: Cell;
  reported: string;
  breachDates: string;
  affected: number | null;
}

export function noticeRecord(publisher: 'California AG' | 'Washington AG' | 'Oregon DOJ', state: string, notice: Notice, link: string): Record<string, unknown> {
  const org = notice.organisation.text;
  return {
    id: `${publisher.split(' ')[0]!.toLowerCase()}:${recordSlug(org, notice.reported)}`,
    company: org,
    filed: notice.reported,
    form: 'Breach notice',
    is_item_105: false,
    matched: [],
    state,
    filing_url: link,
    index_url: link,
    source: publisher,
    source_type: 'state_ag',
    breach_date: notice.breachDates,
    affected: notice.affected,
  };
}

export function toCount(text: string): number | null {
  const digits = text.replace(/[^\d]/g, '');
  return digits && digits.length <= 12 ? Number(digits) : null;
}

/** The rows of the first table whose first header starts with `firstHeader`, or a ShapeError. */
export function noticeRows(source: SourceId, url: string, html: string, firstHeader: RegExp, minColumns: number): Cell[][] {
  const table = readTables(html).find((t) => firstHeader.test(t.headers[0] ?? '') && t.headers.length >= minColumns);
  if (!table) throw new ShapeError(source, url, `no table whose first column is headed ${firstHeader} with ${minColumns} columns or more`);
  return table.rows.filter((row) => row.length >= minColumns);
}

export function checkedDate(source: SourceId, url: string, text: string, row: number): string {
  const date = normaliseDate(text);
  if (!date) throw new ShapeError(source, url, `row ${row}: "${text.slice(0, 40)}" is not a date`);
  return date;
}
