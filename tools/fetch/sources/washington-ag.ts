/**
 * The Washington Attorney General's data-breach notifications: `GET https://www.atg.wa.gov/data-breach-notifications?page=N`.
 *
 * What we relied on: paged HTML tables, newest first, with the columns Date Reported (M/D/YYYY),
 * Organization Name (linking to the notice letter), Date(s) of Breach, Number of Washingtonians
 * Affected, and Information Compromised, as breachradar's daily job reads them (breach_server.py,
 * fetch_wa_ag). We read pages until one reaches past the window (at most 40), one request a
 * second at most. Public records.
 */
import { noticeRecord, noticeRows, checkedDate, MAX_NOTICES, toCount } from './state-notices';
import { daysBefore, keepAll, type Source } from '../source';

const MAX_PAGES = 40;

export const washingtonAgSource: Source = {
  id: 'washington-ag',
  feed: 'notices',
  title: "Washington Attorney General's data-breach notifications",
  defaultBase: 'https://www.atg.wa.gov',
  async fetch({ http, base, today, windowDays }) {
    const since = daysBefore(today, windowDays);
    const records: Record<string, unknown>[] = [];
    const responses: { url: string; from: 'network' | 'not-modified' | 'cache' }[] = [];
    const keepers: (() => Promise<void>)[] = [];
    for (let page = 0; page < MAX_PAGES && records.length < MAX_NOTICES; page++) {
      const url = new URL('/data-breach-notifications', base);
      url.searchParams.set('page', String(page));
      const response = await http.get(url.href, { accept: 'text/html' });
      responses.push({ url: response.url, from: response.from });
      keepers.push(response.keep);
      const rows = noticeRows('washington-ag', response.url, response.body, /^date/i, 3);
      let reachedPastWindow = rows.length === 0;
      rows.forEach((row, i) => {
        const reported = checkedDate('washington-ag', response.url, row[0]!.text, i + 1);
        if (reported < since) {
          reachedPastWindow = true;
          return;
        }
        if (!row[1]!.text || records.length >= MAX_NOTICES) return;
        const link = row[1]!.href ? new URL(row[1]!.href, 'https://www.atg.wa.gov/').href : 'https://www.atg.wa.gov/data-breach-notifications';
        records.push(noticeRecord('Washington AG', 'WA', { organisation: row[1]!, reported, breachDates: row[2]!.text, affected: row[3] ? toCount(row[3].text) : null }, link));
      });
      if (reachedPastWindow) break;
    }
    return { records, responses, keep: () => keepAll(keepers) };
  },
};
