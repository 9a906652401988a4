/**
 * The California Attorney General's list of data-breach notices: `GET https://oag.ca.gov/privacy/databreach/list`.
 *
 * What we relied on: the page is one HTML table, newest first, with the columns Organization Name
 * (linking to the notice, /ecrime/databreach/reports/sb24-NNNNNN), Date(s) of Breach, and Reported
 * Date (M/D/YYYY), as breachradar's daily job reads it (breach_server.py, fetch_ca_ag). Public
 * records. The site publishes no rate limit; we make one request a run.
 */
import { noticeRecord, noticeRows, checkedDate, MAX_NOTICES } from './state-notices';
import { daysBefore, type Source } from '../source';

export const californiaAgSource: Source = {
  id: 'california-ag',
  feed: 'notices',
  title: "California Attorney General's data-breach notices",
  defaultBase: 'https://oag.ca.gov',
  async fetch({ http, base, today, windowDays }) {
    const listUrl = new URL('/privacy/databreach/list', base).href;
    const response = await http.get(listUrl, { accept: 'text/html' });
    const since = daysBefore(today, windowDays);
    const records: Record<string, unknown>[] = [];
    noticeRows('california-ag', response.url, response.body, /^organi[sz]ation/i, 3).forEach((row, i) => {
      const reported = checkedDate('california-ag', response.url, row.at(-1)!.text, i + 1);
      if (reported < since || records.length >= MAX_NOTICES || !row[0]!.text) return;
      const href = row[0]!.href;
      const link = href ? new URL(href, 'https://oag.ca.gov/').href : 'https://oag.ca.gov/privacy/databreach/list';
      records.push(noticeRecord('California AG', 'CA', { organisation: row[0]!, reported, breachDates: row[1]!.text, affected: null }, link));
    });
    return { records, responses: [{ url: response.url, from: response.from }], keep: response.keep };
  },
};
