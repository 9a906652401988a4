/**
 * Wikipedia's "List of data breaches", through the MediaWiki Action API:
 * `GET https://en.wikipedia.org/w/api.php?action=parse&page=List_of_data_breaches&prop=text|revid&format=json&formatversion=2`.
 *
 * What we relied on: with formatversion=2 the answer is `{"parse": {"title", "pageid", "revid",
 * "text"}}`, `text` being the rendered HTML of the page (an error is `{"error": {"code", "info"}}`);
 * the list is the page's first table with the headers Entity, Year, Records, Organization type,
 * Method and Sources (as public scrapers of the page read it, e.g. Wallace-F-Rosa/
 * scrape-data-breaches). Rendered HTML rather than wikitext, so templates and rowspans come out as
 * a reader sees them. Wikimedia's API etiquette: a User-Agent naming the client and a contact,
 * requests one at a time; we make one a run. The text is CC BY-SA 4.0: the importer keeps facts
 * only and carries the licence. This module writes the CSV `import wikipedia` reads (the
 * recording in ../shared/datasets/list-of-data-breaches.csv has these five columns).
 */
import { z } from 'zod';
import { wikipediaImporter } from '../../import/wikipedia';
import { findTable } from '../html-table';
import { firstIssue, ShapeError, type Source } from '../source';

export const WIKIPEDIA_PAGE = 'List_of_data_breaches';
export const CSV_COLUMNS = ['Entity', 'Year', 'Records', 'Organization type', 'Method'] as const;

const answerSchema = z.union([
  z.object({ parse: z.object({ title: z.string(), revid: z.number().int().optional(), text: z.string().max(16 * 1024 * 1024) }) }),
  z.object({ error: z.object({ code: z.string().max(200), info: z.string().max(2000).optional() }) }),
]);

const csvField = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** The rows as the CSV the importer reads, every field quoted. */
export function rowsToCsv(rows: Record<string, string>[]): string {
  return [CSV_COLUMNS.map(csvField).join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => csvField(row[c] ?? '')).join(','))].join('\n') + '\n';
}

export const wikipediaSource: Source = {
  id: 'wikipedia',
  feed: 'wikipedia',
  title: 'Wikipedia, "List of data breaches" (MediaWiki API)',
  defaultBase: 'https://en.wikipedia.org',
  async fetch({ http, base }) {
    const url = new URL('/w/api.php', base);
    url.search = new URLSearchParams({ action: 'parse', page: WIKIPEDIA_PAGE, prop: 'text|revid', format: 'json', formatversion: '2', redirects: '1' }).toString();
    const response = await http.get(url.href);
    const fail = (detail: string) => new ShapeError('wikipedia', response.url, detail);
    let raw: unknown;
    try {
      raw = JSON.parse(response.body);
    } catch {
      throw fail('not JSON');
    }
    const answer = answerSchema.safeParse(raw);
    if (!answer.success) throw fail(firstIssue(answer.error));
    if ('error' in answer.data) throw fail(`the API answered an error: ${answer.data.error.code}${answer.data.error.info ? ` (${answer.data.error.info})` : ''}`);
    const table = findTable(answer.data.parse.text, ['Entity', 'Year', 'Records', 'Organization type', 'Method']);
    if (!table) throw fail('no table with the columns Entity, Year, Records, Organization type, Method');
    if (table.length === 0) throw fail('the table has no rows');
    const rows = table.map((row) => Object.fromEntries(CSV_COLUMNS.map((c) => [c, row[c]!.text])));
    // The importer's own reading of the CSV, so what we hand it is what it understands.
    wikipediaImporter.parse(rowsToCsv(rows));
    return { records: rows, responses: [{ url: response.url, from: response.from }], keep: response.keep };
  },
};
