/**
 * Privacy Rights Clearinghouse "Chronology of Data Breaches" export (CSV, 2005 – January 2017).
 * No domains; the licence is not stated, so we keep facts only (who, when, what kind, how many
 * records) in our own words and do not copy PRC's descriptions into the bundled dataset.
 *
 * Selection rule: kept when `Type of organization` is "BSR" (PRC's "Businesses — Retail/
 * Merchant", which includes online retailers and restaurants); otherwise "not-retail". Rows
 * without a readable `Date Made Public` are left out as "no-date". Domains come only from the
 * organisation registry (exact name match) or from a company name that is itself a domain
 * ("Zappos.com"); an unknown company gets an incident without domains. BSR rows about an
 * organisation the registry marks as not a retailer (AT&T, Microsoft…) are left out as
 * "not-retail-despite-label".
 *
 * Mapping: kind payment-skimming for PRC type CARD (card fraud at the till, e.g. skimmers),
 * otherwise data-breach; status "contained"; disclosedOn = Date Made Public.
 */
import { byText, cleanText, parseCount, parseLongDate, shortText, slugify } from './text';
import { parseCsv } from './csv';
import { domainsInName } from './ransomware';
import { defineImporter, FeedError, type Candidate, type ImportContext } from './types';

const COLUMNS = ['Date Made Public', 'Company', 'Location', 'Type of breach', 'Type of organization', 'Records Breached'] as const;

/** PRC's breach types, in words a shopper reads. */
const BREACH_TYPES: Record<string, string> = {
  HACK: 'hacking or malware attack',
  CARD: 'payment card fraud at the point of sale (for example skimming devices)',
  INSD: 'breach by an insider',
  PHYS: 'loss or theft of paper records',
  PORT: 'loss or theft of a portable device',
  STAT: 'loss or theft of a stationary device',
  DISC: 'unintended disclosure of personal information',
  UNKN: 'breach of an unknown kind',
};

export const PRC_URL = 'https://privacyrights.org/data-breaches';

export interface PrcRow {
  row: number;
  date: string;
  company: string;
  location: string;
  type: string;
  organisationType: string;
  records?: number;
}

export function rowToCandidate(row: PrcRow, key: string, snapshot: string, context: ImportContext): Candidate {
  const org = context.registry.byName(row.company);
  const company = shortText(org?.name ?? row.company);
  const what = BREACH_TYPES[row.type] ?? BREACH_TYPES.UNKN!;
  const where = row.location ? ` (${shortText(row.location)})` : '';
  return {
    record: key,
    snapshot,
    slug: org?.id ?? slugify(row.company),
    draft: {
      title: shortText(`${company} ${row.type === 'CARD' ? 'payment card fraud' : 'data breach'}`),
      organisation: company,
      brands: org ? [...org.brands].sort(byText) : [],
      countries: org?.country ? [org.country] : ['US'],
      domains: [...new Set([...(org?.domains ?? []), ...domainsInName(row.company)])].sort(byText),
      kind: row.type === 'CARD' ? 'payment-skimming' : 'data-breach',
      status: 'contained',
      disclosedOn: row.date,
      updatedOn: row.date,
      summary: `The Privacy Rights Clearinghouse lists a ${what} at ${shortText(row.company)}${where}, made public on ${row.date}${row.records ? `, involving ${row.records.toLocaleString('en-US')} records` : ''}.`,
      services: [],
      dataExposed: [],
      affected: row.records ? [{ count: row.records, who: 'records breached (as listed by the Privacy Rights Clearinghouse)', confirmed: false }] : [],
      actors: [],
      authorities: [],
      advice: [],
      timeline: [],
      related: [],
      sources: [{ url: PRC_URL, publisher: 'Privacy Rights Clearinghouse', title: 'Data Breach Chronology', date: row.date }],
    },
  };
}

function readRows(text: string): PrcRow[] {
  return parseCsv(text, COLUMNS).map(({ row, values }) => {
    const date = cleanText(values['Date Made Public']!);
    const company = cleanText(values.Company!);
    if (!company) throw new FeedError(String(row), 'Company', 'is empty');
    return {
      row,
      date,
      company,
      location: cleanText(values.Location!),
      type: cleanText(values['Type of breach']!).toUpperCase(),
      organisationType: cleanText(values['Type of organization']!).toUpperCase(),
      records: parseCount(values['Records Breached']!),
    };
  });
}

export const prcImporter = defineImporter<PrcRow>({
  source: 'prc',
  mergesWithinFeed: false,
  parse: readRows,
  decider(rows, context) {
    const dated = rows.map((r) => parseLongDate(r.date));
    // A static export: its snapshot is the newest date in it.
    const snapshot = `export to ${dated.reduce<string>((a, d) => (d && d > a ? d : a), '1990-01-01')}`;
    const keys = new Map<string, number>();
    return (row, i) => {
      if (row.organisationType !== 'BSR') return 'not-retail';
      if (context.registry.byName(row.company)?.sector === 'other') return 'not-retail-despite-label';
      const date = dated[i];
      if (!date) return 'no-date';
      // Key by date and company, not row number, so a re-export in another order keeps the same keys.
      const base = shortText(`${date} ${row.company}`).slice(0, 180);
      const seen = (keys.get(base) ?? 0) + 1;
      keys.set(base, seen);
      return rowToCandidate({ ...row, date }, seen > 1 ? `${base} #${seen}` : base, snapshot, context);
    };
  },
});
