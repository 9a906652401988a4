/**
 * SEC 8-K filings under Item 1.05 ("Material Cybersecurity Incidents"), from EDGAR full-text
 * search: `GET https://efts.sec.gov/LATEST/search-index?q="Material Cybersecurity Incidents"&forms=8-K&startdt=…&enddt=…&from=N`.
 *
 * What we relied on: the SEC's fair-access rules for EDGAR ("Accessing EDGAR Data", as quoted by
 * public clients in 2026: declare a User-Agent naming who asks with a contact e-mail, as in
 * "Sample Company Name AdminContact@<domain>"; no User-Agent gets a 403, and no-reply addresses
 * are refused; at most 10 requests a second from all of a user's machines, more gets the IP
 * throttled for about ten minutes; we make one request a second at most) and the answer's shape
 * as breachradar's daily job has read it since 2025 (david9777/breachradar, breach_server.py,
 * `_efts_page` and `fetch_edgar`): an Elasticsearch-style `hits.hits[]`, each with `_id`
 * ("accession:primary-document") and `_source` holding `adsh`, `display_names`
 * ("NAME (TICKER) (CIK 0001234567)"), `file_date`, `form`, `items`, `sics`, `biz_states`; pages of
 * 100. The recording in ../shared/datasets/breachradar-sec-stateag.json is that job's output, and
 * this module builds the same record from a hit, so `import notices` and its rule (retail SIC
 * 5200–5999 AND Item 1.05) are unchanged. We search for the Item 1.05 heading only: the importer
 * leaves every other 8-K out, so fetching them would cost the SEC requests for nothing.
 */
import { z } from 'zod';
import { daysBefore, firstIssue, keepAll, ShapeError, type Source } from '../source';

const hitSchema = z.object({
  _id: z.string().max(500).optional(),
  _source: z.object({
    adsh: z.string().regex(/^\d{10}-\d{2}-\d{6}$/),
    display_names: z.array(z.string().max(500)).max(20).optional(),
    file_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    form: z.string().max(50).optional(),
    items: z.array(z.string().max(20)).max(50).optional(),
    sics: z.array(z.string().max(10)).max(20).optional(),
    biz_states: z.array(z.string().max(10)).max(20).optional(),
  }),
});
const pageSchema = z.object({ hits: z.object({ hits: z.array(z.unknown()).max(1000) }) });

export const SEC_QUERY = '"Material Cybersecurity Incidents"';
const PAGE = 100;
const MAX_PAGES = 20;

const DISPLAY_NAME = /^(?<name>.*?)\s*(?:\((?<ticker>[A-Z0-9.,\s/-]+)\)\s*)?\(CIK\s*(?<cik>\d+)\)\s*$/;

export function hitToRecord(hit: z.infer<typeof hitSchema>): Record<string, unknown> {
  const src = hit._source;
  const display = src.display_names?.[0] ?? '';
  const match = DISPLAY_NAME.exec(display);
  const name = (match?.groups?.name ?? display).replace(/\s+/g, ' ').trim().replace(/,$/, '');
  const cik = match?.groups?.cik ?? '';
  const folder = `https://www.sec.gov/Archives/edgar/data/${cik ? String(Number(cik)) : ''}/${src.adsh.replaceAll('-', '')}`;
  const indexUrl = `${folder}/${src.adsh}-index.htm`;
  const primary = hit._id?.includes(':') ? hit._id.split(':').slice(1).join(':') : '';
  const items = src.items ?? [];
  return {
    id: src.adsh,
    company: name || src.adsh,
    ticker: (match?.groups?.ticker ?? '').trim(),
    cik,
    filed: src.file_date,
    form: src.form ?? '8-K',
    items,
    is_item_105: items.includes('1.05'),
    matched: ['Item 1.05'],
    sic: src.sics?.[0] ?? '',
    state: src.biz_states?.[0] ?? '',
    filing_url: primary && /^[\w.-]+$/.test(primary) ? `${folder}/${primary}` : indexUrl,
    index_url: indexUrl,
    source: 'SEC EDGAR 8-K',
    source_type: 'sec',
    breach_date: '',
    affected: null,
  };
}

export const secEdgarSource: Source = {
  id: 'sec-edgar',
  feed: 'notices',
  title: 'SEC EDGAR full-text search: 8-K Item 1.05 filings',
  defaultBase: 'https://efts.sec.gov',
  async fetch({ http, base, today, windowDays }) {
    const byAccession = new Map<string, Record<string, unknown>>();
    const responses: { url: string; from: 'network' | 'not-modified' | 'cache' }[] = [];
    const keepers: (() => Promise<void>)[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const url = new URL('/LATEST/search-index', base);
      url.search = new URLSearchParams({ q: SEC_QUERY, forms: '8-K', startdt: daysBefore(today, windowDays), enddt: today, from: String(page * PAGE) }).toString();
      const response = await http.get(url.href);
      const fail = (detail: string) => new ShapeError('sec-edgar', response.url, detail);
      let raw: unknown;
      try {
        raw = JSON.parse(response.body);
      } catch {
        throw fail('not JSON');
      }
      const parsed = pageSchema.safeParse(raw);
      if (!parsed.success) throw fail(firstIssue(parsed.error));
      for (const [i, item] of parsed.data.hits.hits.entries()) {
        const hit = hitSchema.safeParse(item);
        if (!hit.success) throw fail(`hits.hits[${i}].${firstIssue(hit.error)}`);
        if (!byAccession.has(hit.data._source.adsh)) byAccession.set(hit.data._source.adsh, hitToRecord(hit.data));
      }
      responses.push({ url: response.url, from: response.from });
      keepers.push(response.keep);
      if (parsed.data.hits.hits.length < PAGE) break;
    }
    return { records: [...byAccession.values()], responses, keep: () => keepAll(keepers) };
  },
};
