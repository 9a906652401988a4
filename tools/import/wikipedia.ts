/**
 * The table of Wikipedia's "List of data breaches" (CSV: Entity, Year, Records, Organization
 * type, Method). Only a year per row, no domains. If the table is Wikipedia-derived it is
 * CC BY-SA 4.0, so the source carries that licence and we keep facts only, in our own words.
 * Domains come from the organisation registry, or from an entity name that is itself a domain.
 *
 * Selection rule:
 * - kept: rows whose Organization type is "retail", and rows of any type whose Entity is an
 *   organisation the registry knows as a retailer (e.g. eBay listed under "web");
 * - left out: "retail" rows whose entity the registry marks as not retail — the list applies
 *   "retail" loosely (Marriott, Hilton, MGM) — as "not-retail-despite-label";
 * - left out: everything else as "not-retail"; rows without a year as "no-year".
 * The same entity and year listed twice becomes one incident (both rows in provenance).
 */
import { byText, cleanText, parseCount, shortText, slugify } from './text';
import { parseCsv } from './csv';
import { domainsInName } from './ransomware';
import { defineImporter, type Candidate, type ImportContext } from './types';

export const WIKIPEDIA_URL = 'https://en.wikipedia.org/wiki/List_of_data_breaches';
const COLUMNS = ['Entity', 'Year', 'Records', 'Organization type', 'Method'] as const;

export interface WikipediaRow {
  row: number;
  entity: string;
  year: string;
  records?: number;
  type: string;
  method: string;
}

export function rowToCandidate(row: WikipediaRow, key: string, snapshot: string, context: ImportContext): Candidate {
  const org = context.registry.byName(row.entity);
  const name = shortText(org?.name ?? row.entity);
  const method = row.method ? ` (method: ${shortText(row.method)})` : '';
  return {
    record: key,
    snapshot,
    slug: org?.id ?? slugify(row.entity),
    draft: {
      title: shortText(`${name} data breach`),
      organisation: name,
      brands: org ? [...org.brands].sort(byText) : [],
      countries: org?.country ? [org.country] : [],
      domains: [...new Set([...(org?.domains ?? []), ...domainsInName(row.entity)])].sort(byText),
      kind: 'data-breach',
      status: 'contained',
      disclosedOn: row.year,
      updatedOn: row.year,
      summary: `Wikipedia's list of data breaches includes ${shortText(row.entity)} in ${row.year}${row.records ? `, with ${row.records.toLocaleString('en-US')} records` : ''}${method}.`,
      services: [],
      dataExposed: [],
      affected: row.records ? [{ count: row.records, who: 'records (as listed by Wikipedia)', confirmed: false }] : [],
      actors: [],
      authorities: [],
      advice: [],
      timeline: [],
      related: [],
      sources: [{ url: WIKIPEDIA_URL, publisher: 'Wikipedia', title: 'List of data breaches', date: row.year, licence: 'CC BY-SA 4.0' }],
    },
  };
}

/** The CSV export read into rows (throws FeedError naming the first bad one). */
export function readRows(text: string): WikipediaRow[] {
  return parseCsv(text, COLUMNS).map(({ row, values }) => ({
    row,
    entity: cleanText(values.Entity!).replace(/^"+|"+$/g, ''),
    year: cleanText(values.Year!),
    records: parseCount(values.Records!),
    type: cleanText(values['Organization type']!).toLowerCase(),
    method: cleanText(values.Method!),
  }));
}

export const wikipediaImporter = defineImporter<WikipediaRow>({
  source: 'wikipedia',
  mergesWithinFeed: true,
  parse: readRows,
  decider(rows, context) {
    const years = rows.map((r) => r.year).filter((y) => /^\d{4}$/.test(y));
    const snapshot = `list to ${years.reduce((a, y) => (y > a ? y : a), '1990')}`;
    const keys = new Map<string, number>();
    return (row) => {
      if (!row.entity) return 'no-entity';
      const org = context.registry.byName(row.entity);
      if (row.type === 'retail' && org?.sector === 'other') return 'not-retail-despite-label';
      if (row.type !== 'retail' && !(org && org.sector !== 'other')) return 'not-retail';
      if (!/^\d{4}$/.test(row.year) || row.year < '1990') return 'no-year';
      const base = shortText(`${row.entity} ${row.year}`).slice(0, 180);
      const seen = (keys.get(base) ?? 0) + 1;
      keys.set(base, seen);
      return rowToCandidate(row, seen > 1 ? `${base} #${seen}` : base, snapshot, context);
    };
  },
});
