/**
 * SEC 8-K filings and US state attorney-general breach notices (breachradar's `breaches.json`,
 * records with source_type "sec" or "state_ag"). Public records; no domains in the feed.
 *
 * Selection rule:
 * - SEC: kept only when the filer's SIC code is retail trade (5200–5999) AND the filing is an
 *   Item 1.05 "material cybersecurity incident". Other 8-Ks are keyword hits ("unauthorized
 *   access" in a financing filing), not incidents: left out as "sec-not-item-1.05";
 *   non-retail SIC codes as "not-retail".
 * - State AG notices: kept when the notifying company is a retailer in the organisation registry
 *   (exact name match after dropping company forms); otherwise "not-a-known-retailer".
 * - Any record whose link is not https: "no-https-source".
 *
 * Mapping: kind data-breach, status "contained" (a notice is sent once the breach is understood),
 * disclosedOn = filed, startedOn = the AG's breach date when given, authorities = the AG. One
 * breach notified to several states becomes one incident with each notice as a source.
 */
import { z } from 'zod';
import { byText, isoDay, parseUsDate, shortText, slugify } from './text';
import { isHttps } from './ransomware';
import { checkRecords, keyField, parseFeedJson } from './shape';
import { defineImporter, type Candidate, type ImportContext } from './types';

const noticeSchema = z.object({
  id: z.string().min(1).max(300),
  company: z.string().min(1).max(500),
  filed: z.string().refine((s) => isoDay(s) !== null, 'must be a date YYYY-MM-DD'),
  form: z.string().max(100),
  is_item_105: z.boolean(),
  sic: z.string().max(10).nullish(),
  filing_url: z.string().max(2000),
  source: z.string().min(1).max(100),
  source_type: z.enum(['sec', 'state_ag']),
  breach_date: z.string().max(100).nullish(),
  affected: z.number().int().nonnegative().nullish(),
});
export type Notice = z.infer<typeof noticeSchema>;

const isRetailSic = (sic: string | null | undefined) => !!sic && /^5[2-9]\d\d$/.test(sic);

export function noticeToCandidate(notice: Notice, context: ImportContext): Candidate | string {
  const org = context.registry.byName(notice.company);
  if (notice.source_type === 'sec') {
    if (!isRetailSic(notice.sic)) return 'not-retail';
    if (!notice.is_item_105) return 'sec-not-item-1.05';
  } else if (!org || org.sector === 'other') {
    return 'not-a-known-retailer';
  }
  if (!isHttps(notice.filing_url)) return 'no-https-source';
  const filed = isoDay(notice.filed)!;
  const started = notice.breach_date ? parseUsDate(notice.breach_date) : null;
  const company = shortText(org?.name ?? notice.company);
  const publisher = shortText(notice.source);
  const affected = notice.affected && notice.affected > 1 ? notice.affected : undefined;
  return {
    record: notice.id,
    snapshot: `filed ${filed}`,
    slug: org?.id ?? slugify(notice.company),
    draft: {
      title: shortText(`${company} data breach notice`),
      organisation: company,
      brands: org ? [...org.brands].sort(byText) : [],
      countries: ['US'],
      domains: org ? [...org.domains].sort(byText) : [],
      kind: 'data-breach',
      status: 'contained',
      ...(started && started <= filed ? { startedOn: started } : {}),
      disclosedOn: filed,
      updatedOn: filed,
      summary:
        notice.source_type === 'sec'
          ? `${company} reported a material cybersecurity incident (Item 1.05) in a Form ${shortText(notice.form)} filed with the US Securities and Exchange Commission on ${filed}.`
          : `${shortText(notice.company)} notified the ${publisher} of a data breach on ${filed}${started ? `; the breach began on or about ${started}` : ''}${affected ? `. ${affected.toLocaleString('en-US')} people were notified` : ''}. Read the notice for what was exposed and what to do.`,
      services: [],
      dataExposed: [],
      affected: affected ? [{ count: affected, who: `people notified (${publisher})`, confirmed: true }] : [],
      actors: [],
      authorities: [notice.source_type === 'sec' ? 'US Securities and Exchange Commission' : publisher],
      advice: [],
      timeline: [],
      related: [],
      sources: [{ url: notice.filing_url, publisher, title: shortText(`${notice.form}: ${notice.company}`), date: filed }],
    },
  };
}

export const noticesImporter = defineImporter<Notice>({
  source: 'notices',
  mergesWithinFeed: true,
  parse: (text) => checkRecords(parseFeedJson(text), noticeSchema, keyField('id')),
  decider: (_records, context) => (notice) => noticeToCandidate(notice, context),
});
