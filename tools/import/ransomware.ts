/**
 * Ransomware leak-site posts as collected by ransomware.live (breachradar's `breaches.json`,
 * records with source_type "ransomware"). These are criminal groups' CLAIMS: every incident is
 * kind "ransomware", status "claimed", the group an actor with basis "claimed", and nothing in
 * `dataExposed` — a claim is never shown as a confirmed breach. The licence is unstated, so we
 * keep only facts (who, which group, when) in our own words plus the https link to the post.
 *
 * Selection rule:
 * - kept: posts whose `industry` is "Retail & E-Commerce", and posts naming a domain that is a
 *   known retailer's (registry or curated incident);
 * - left out otherwise ("not-retail"), and when the post link is not https ("no-https-source").
 *
 * Domains: only where `company` itself names a domain ("THERMOS.COM", "ALDOGROUP.COM
 * (ALDOSHOES.COM)"). A bare name is never resolved to a domain: "Target" on a leak site may not
 * be Target Corp. (see the feed README), and a wrong banner on a real shop is the worst outcome.
 */
import { parse } from 'tldts';
import { z } from 'zod';
import { domainProblem } from '@/core/matching/hostname';
import { byText, isoDay, shortText, slugify } from './text';
import { checkRecords, keyField, parseFeedJson } from './shape';
import { defineImporter, type Candidate, type ImportContext } from './types';

const postSchema = z.object({
  id: z.string().min(1).max(300),
  company: z.string().min(1).max(500),
  filed: z.string().refine((s) => isoDay(s) !== null, 'must be a date YYYY-MM-DD'),
  matched: z.array(z.string().max(200)).max(50),
  industry: z.string().max(200).nullish(),
  state: z.string().max(10).nullish(),
  filing_url: z.string().max(2000),
  source_type: z.string().optional(),
});
export type RansomwarePost = z.infer<typeof postSchema>;

export const RETAIL_INDUSTRY = 'Retail & E-Commerce';

/** Domains written in the company field itself; masked ("****.fr") or bare names give none. */
export function domainsInName(company: string): string[] {
  const out = new Set<string>();
  for (const token of company.toLowerCase().split(/[\s()|,;/]+/)) {
    const candidate = token.replace(/^www\./, '').replace(/\.$/, '');
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(candidate)) continue;
    const parsed = parse(candidate);
    if (!parsed.isIcann || parsed.domain === null) continue;
    if (domainProblem(candidate) === null) out.add(candidate);
  }
  return [...out].sort(byText);
}

export function isHttps(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

export function postToCandidate(post: RansomwarePost, context: ImportContext): Candidate | string {
  const domains = domainsInName(post.company);
  const retail = post.industry === RETAIL_INDUSTRY || domains.some((d) => context.retailDomains.has(d));
  if (!retail) return 'not-retail';
  if (!isHttps(post.filing_url)) return 'no-https-source';
  const filed = isoDay(post.filed)!;
  const groups = [...new Set(post.matched.map((g) => shortText(g)).filter(Boolean))].sort(byText);
  const company = shortText(post.company);
  const owner = domains.map((d) => context.registry.byDomain(d)).find(Boolean);
  const groupText = groups.length > 0 ? groups.join(', ') : 'A ransomware group';
  const country = post.state && /^[A-Z]{2}$/.test(post.state) ? post.state : undefined;
  return {
    record: post.id,
    snapshot: `filed ${filed}`,
    slug: owner?.id ?? slugify(company),
    draft: {
      title: shortText(`${groupText} claims an attack on ${company}`),
      organisation: owner?.name ?? company,
      brands: owner ? [...owner.brands].sort(byText) : [],
      countries: country ? [country] : [],
      domains,
      kind: 'ransomware',
      status: 'claimed',
      disclosedOn: filed,
      updatedOn: filed,
      summary: `On ${filed} the ransomware group ${groupText} listed "${company}" on its leak site, as recorded by ransomware.live. This is the group's own claim: it has not been confirmed by the organisation or by the authorities, and the name on the post may not be the company it appears to be.`,
      services: [],
      dataExposed: [],
      affected: [],
      actors: groups.map((name) => ({ name, basis: 'claimed' as const })),
      authorities: [],
      advice: [],
      timeline: [],
      related: [],
      sources: [{ url: post.filing_url, publisher: 'ransomware.live', title: shortText(`Leak-site post: ${company}`), date: filed }],
    },
  };
}

export const ransomwareImporter = defineImporter<RansomwarePost>({
  source: 'ransomware',
  mergesWithinFeed: false,
  parse: (text) => checkRecords(parseFeedJson(text), postSchema, keyField('id')),
  decider: (_records, context) => (post) =>
    post.source_type !== undefined && post.source_type !== 'ransomware' ? 'not-a-leak-site-post' : postToCandidate(post, context),
});
