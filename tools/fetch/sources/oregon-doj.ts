/**
 * The Oregon Department of Justice's data-breach list: `GET https://justice.oregon.gov/consumer/DataBreach/`.
 *
 * What we relied on: one HTML table, newest first, with the columns Organization Name, Date
 * Reported, Date(s) of Breach, Date of Discovery, Notice, and Number of Oregonians Affected, as
 * breachradar's daily job reads it (breach_server.py, fetch_or_doj). Rows link to no notice of
 * their own, so every record links to the list. Public records; one request a run.
 */
import { noticeRecord, noticeRows, checkedDate, MAX_NOTICES, toCount } from './state-notices';
import { daysBefore, type Source } from '../source';

const LIST = 'https://justice.oregon.gov/consumer/DataBreach/';

export const oregonDojSource: Source = {
  id: 'oregon-doj',
  feed: 'notices',
  title: "Oregon Department of Justice's data-breach list",
  defaultBase: 'https://justice.oregon.gov',
  async fetch({ http, base, today, windowDays }) {
    const response = await http.get(new URL('/consumer/DataBreach/', base).href, { accept: 'text/html' });
    const since = daysBefore(today, windowDays);
    const records: Record<string, unknown>[] = [];
    noticeRows('oregon-doj', response.url, response.body, /^organi[sz]ation/i, 6).forEach((row, i) => {
      const reported = checkedDate('oregon-doj', response.url, row[1]!.text, i + 1);
      if (reported < since || records.length >= MAX_NOTICES || !row[0]!.text) return;
      records.push(noticeRecord('Oregon DOJ', 'OR', { organisation: row[0]!, reported, breachDates: row[2]!.text, affected: toCount(row[5]!.text) }, LIST));
    });
    return { records, responses: [{ url: response.url, from: response.from }], keep: response.keep };
  },
};
