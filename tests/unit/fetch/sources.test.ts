/**
 * Each fetcher against its recorded responses on a local server: the records it hands the
 * importer are the records the recordings in ../shared/datasets hold (field for field where the
 * recording has them), and a response that is not in the documented shape is refused by name.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ResponseCache } from '../../../tools/fetch/cache';
import { DEFAULT_POLICY, HttpClient } from '../../../tools/fetch/http';
import { ShapeError, type FetchContext, type Source } from '../../../tools/fetch/source';
import { californiaAgSource } from '../../../tools/fetch/sources/california-ag';
import { hibpSource } from '../../../tools/fetch/sources/hibp';
import { oregonDojSource } from '../../../tools/fetch/sources/oregon-doj';
import { ransomwareLiveSource } from '../../../tools/fetch/sources/ransomware-live';
import { SEC_QUERY, secEdgarSource } from '../../../tools/fetch/sources/sec-edgar';
import { washingtonAgSource } from '../../../tools/fetch/sources/washington-ag';
import { rowsToCsv, wikipediaSource } from '../../../tools/fetch/sources/wikipedia';
import { noticesImporter } from '../../../tools/import/notices';
import { ransomwareImporter } from '../../../tools/import/ransomware';
import { readRows } from '../../../tools/import/wikipedia';
import { startFeedServer, type FeedServer } from '../helpers/feed-server';
import { PATHS, serveRecordings } from '../helpers/recorded-feeds';
import ransomwareExcerpt from '../import/fixtures/ransomware-excerpt.json';
import noticesExcerpt from '../import/fixtures/notices-excerpt.json';

let server: FeedServer;
let cacheDir: string;
beforeEach(async () => {
  server = await startFeedServer();
  serveRecordings(server);
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'caveat-src-'));
});
afterEach(async () => {
  await server.close();
  await rm(cacheDir, { recursive: true, force: true });
});

function run(source: Source, overrides: Partial<FetchContext> = {}) {
  const http = new HttpClient({ ...DEFAULT_POLICY, userAgent: 'Caveat-test/1 (tests@caveat.invalid)', minIntervalMs: 0 }, new ResponseCache(cacheDir), false);
  return source.fetch({ http, base: server.url, today: '2026-08-22', windowDays: 365, log: () => undefined, ...overrides });
}

/** The fields the importers read; the recording has more (ticker, category…) that nothing uses. */
const READ_FIELDS = ['id', 'company', 'filed', 'form', 'matched', 'industry', 'state', 'filing_url', 'source', 'source_type'] as const;
const pick = (record: Record<string, unknown>, fields: readonly string[]) => Object.fromEntries(fields.filter((f) => f in record).map((f) => [f, record[f]]));

describe('each fetcher gives its importer the records the recording holds', () => {
  it('HIBP: the answer is the importer’s input, record for record', async () => {
    const { records } = await run(hibpSource);
    expect(records.map((r) => (r as { Name: string }).Name)).toEqual(['Adobe', 'Bonobos', 'CanadianTire', 'HotTopic', 'Acuity', 'JustDate', 'Emotet', 'AlienStealerLogs', 'PaySystemTech']);
    expect(server.requests[0]).toMatchObject({ path: '/api/v3/breaches', headers: { 'user-agent': 'Caveat-test/1 (tests@caveat.invalid)', accept: 'application/json' } });
  });

  it('ransomware.live: each victim maps back to the post breachradar recorded', async () => {
    const { records } = await run(ransomwareLiveSource);
    for (const recorded of ransomwareExcerpt as Record<string, unknown>[]) {
      const mine = (records as Record<string, unknown>[]).find((r) => r.id === recorded.id);
      expect(mine, String(recorded.id)).toBeDefined();
      expect(pick(mine!, READ_FIELDS)).toEqual(pick(recorded, READ_FIELDS.filter((f) => f in mine!)));
    }
    // "Not Found" is ransomware.live's "no sector".
    expect((records as { industry: string }[]).filter((r) => r.industry === '')).toHaveLength(2);
    expect(() => ransomwareImporter.parse(JSON.stringify(records))).not.toThrow();
  });

  it('SEC: the Item 1.05 search, one record per filing, as recorded', async () => {
    const { records } = await run(secEdgarSource);
    const query = new URL(server.requests[0]!.path, server.url).searchParams;
    expect(Object.fromEntries(query)).toEqual({ q: SEC_QUERY, forms: '8-K', startdt: '2025-08-22', enddt: '2026-08-22', from: '0' });
    expect(records).toHaveLength(6);
    const bbby = (records as Record<string, unknown>[]).find((r) => r.company === 'BED BATH & BEYOND, INC.')!;
    const recorded = (noticesExcerpt as Record<string, unknown>[]).find((r) => r.company === 'BED BATH & BEYOND, INC.')!;
    // `matched` names the search that found it, and `industry` is breachradar's own label for the SIC code: the importer reads neither.
    const fields = [...READ_FIELDS, 'sic', 'is_item_105', 'cik', 'ticker'].filter((f) => f !== 'matched' && f !== 'industry');
    expect(pick(bbby, fields)).toEqual(pick(recorded, fields));
    expect((records as { is_item_105: boolean }[]).filter((r) => r.is_item_105)).toHaveLength(5);
    expect(() => noticesImporter.parse(JSON.stringify(records))).not.toThrow();
  });

  it.each([
    ['California', californiaAgSource, 10, 'ASOS US Sales LLC'],
    ['Washington', washingtonAgSource, 7, '7-Eleven, Inc.'],
    ['Oregon', oregonDojSource, 5, 'Abbott Cancer Diagnostics'],
  ])('%s attorney general: rows become the notices breachradar recorded (ids, dates, links)', async (_, source, count, company) => {
    const { records } = await run(source);
    expect(records).toHaveLength(count);
    const mine = (records as Record<string, unknown>[]).find((r) => r.company === company)!;
    const recorded = (noticesExcerpt as Record<string, unknown>[]).find((r) => r.company === company);
    if (recorded) expect(pick(mine, [...READ_FIELDS, 'breach_date'].filter((f) => f !== 'matched' && f !== 'industry'))).toEqual(pick(recorded, [...READ_FIELDS, 'breach_date'].filter((f) => f !== 'matched' && f !== 'industry')));
    expect(mine.id).toMatch(/^(california|washington|oregon):[a-z0-9-]+-\d{4}-\d{2}-\d{2}$/);
    expect(() => noticesImporter.parse(JSON.stringify(records))).not.toThrow();
  });

  it('Washington: reads pages until one reaches past the window', async () => {
    await run(washingtonAgSource, { windowDays: 365 });
    expect(server.requests.map((r) => r.path)).toEqual(['/data-breach-notifications?page=0', '/data-breach-notifications?page=1', '/data-breach-notifications?page=2']);
    server.requests.length = 0;
    const { records } = await run(washingtonAgSource, { windowDays: 10 });
    expect(server.requests).toHaveLength(1);
    expect((records as { filed: string }[]).every((r) => r.filed >= '2026-08-12')).toBe(true);
  });

  it('Wikipedia: the rendered table becomes the CSV the importer reads, footnotes dropped', async () => {
    const { records } = await run(wikipediaSource);
    expect(Object.fromEntries(new URL(server.requests[0]!.path, server.url).searchParams)).toMatchObject({ action: 'parse', page: 'List_of_data_breaches', prop: 'text|revid', format: 'json', formatversion: '2' });
    expect(records[1]).toEqual({ Entity: 'Home Depot', Year: '2014', Records: '56,000,000', 'Organization type': 'retail', Method: 'hacked' });
    const rows = readRows(rowsToCsv(records as Record<string, string>[]));
    expect(rows).toHaveLength(11);
    expect(rows[1]).toMatchObject({ entity: 'Home Depot', records: 56_000_000 });
  });
});

describe('a response not in the documented shape is refused by name, and kept nowhere', () => {
  const broken: [string, Source, string, string, RegExp][] = [
    ['an HIBP record without a date', hibpSource, PATHS.hibp, JSON.stringify([{ Name: 'X', Title: 'X', Domain: 'x.com', BreachDate: 'soon' }]), /hibp: .*record 0 \(X\): BreachDate/],
    ['HIBP answering an HTML error page', hibpSource, PATHS.hibp, '<html>Access denied</html>', /hibp: .*not in the expected shape/],
    ['ransomware.live answering an object', ransomwareLiveSource, PATHS['ransomware-live'], '{"error":"rate limited"}', /ransomware-live: .*\(\(top\): /],
    ['a victim without a name', ransomwareLiveSource, PATHS['ransomware-live'], '[{"group":"x"}]', /ransomware-live: .*\[0\]\.victim/],
    ['an EDGAR hit with a malformed accession number', secEdgarSource, PATHS['sec-edgar'], JSON.stringify({ hits: { hits: [{ _source: { adsh: 'x', file_date: '2026-01-01' } }] } }), /sec-edgar: .*hits\.hits\[0\]\._source\.adsh/],
    ['a California page without the list', californiaAgSource, PATHS['california-ag'], '<html><body><p>Maintenance</p></body></html>', /california-ag: .*no table whose first column is headed/],
    ['a California row whose date is not a date', californiaAgSource, PATHS['california-ag'], '<table><tr><th>Organization Name</th><th>Breach</th><th>Reported</th></tr><tr><td>A</td><td></td><td>yesterday</td></tr></table>', /row 1: "yesterday" is not a date/],
    ['Wikipedia answering an API error', wikipediaSource, PATHS.wikipedia, '{"error":{"code":"missingtitle","info":"The page you specified doesn\'t exist."}}', /wikipedia: .*the API answered an error: missingtitle/],
    ['Wikipedia without the table', wikipediaSource, PATHS.wikipedia, JSON.stringify({ parse: { title: 'List of data breaches', text: '<p>moved</p>' } }), /no table with the columns Entity, Year/],
  ];
  it.each(broken)('%s', async (_, source, route, body, message) => {
    server.routes.set(route, [{ body }]);
    const error = await run(source).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShapeError);
    expect(String((error as Error).message)).toMatch(message);
    expect((error as Error).message).toMatch(/nothing from it was kept$/);
  });
});
