/**
 * Have I Been Pwned breach metadata (/api/v3/breaches, a JSON array). Licence CC BY 4.0: every
 * incident keeps an HIBP source with a link to the breach and `licence: "CC BY 4.0"`.
 *
 * Selection rule (in this order; the first that applies is the reason a record is left out):
 * 1. left out: spam lists, fabricated breaches, malware and stealer logs — not a shop's breach;
 * 2. left out: retired breaches and breaches without a Domain (combolists, no site to warn on);
 * 3. kept when the breach concerns a retailer or e-commerce site, meaning any of:
 *    - the Domain is a known retailer's (registry or curated incident);
 *    - DataClasses include what only a shop holds: Purchases, Partial credit card data,
 *      Credit cards, Payment histories, Purchasing habits;
 *    - the first sentence of the Description (where HIBP says what the site is) calls it a
 *      retailer, shop or store, e-commerce site, marketplace, supermarket or grocer, a fashion/
 *      beauty/electronics… brand, or a place to buy online (delivery service, online ordering,
 *      travel agency or booking site, airline, car rental, ticketing, a digital mall, textbook
 *      rental, photo printing, collectibles, cashback), or a restaurant or takeaway (fast food,
 *      pizza) — a "dark web marketplace" where data was sold does not.
 *    Otherwise left out as "not-retail".
 *
 * Mapping: kind data-breach (credential-stuffing when HIBP says so); status "contained" for a
 * verified breach (the data is out; HIBP says nothing about remediation) and "claimed" for an
 * unverified one; startedOn = BreachDate, disclosedOn = AddedDate (when HIBP made it public),
 * updatedOn = ModifiedDate; dataExposed = DataClasses, confirmed only if IsVerified.
 */
import { z } from 'zod';
import { domainProblem } from '@/core/matching/hostname';
import type { DataExposed } from '@/core/model/schema';
import { byText, cleanText, htmlToText, isoDay, shortText, slugify, truncate } from './text';
import { checkRecords, keyField, parseFeedJson } from './shape';
import { defineImporter, type Candidate, type ImportContext } from './types';

const breachSchema = z.object({
  Name: z.string().min(1).max(200),
  Title: z.string().min(1).max(200),
  Domain: z.string().max(253),
  BreachDate: z.string().refine((s) => isoDay(s) !== null, 'must be a date YYYY-MM-DD'),
  AddedDate: z.string().refine((s) => isoDay(s) !== null, 'must be an ISO date-time'),
  ModifiedDate: z.string().refine((s) => isoDay(s) !== null, 'must be an ISO date-time'),
  PwnCount: z.number().int().nonnegative(),
  Description: z.string().max(20_000),
  DataClasses: z.array(z.string().min(1).max(200)).max(200),
  IsVerified: z.boolean(),
  IsFabricated: z.boolean(),
  IsSensitive: z.boolean(),
  IsRetired: z.boolean(),
  IsSpamList: z.boolean(),
  IsMalware: z.boolean(),
  IsStealerLog: z.boolean().optional(),
});
export type HibpBreach = z.infer<typeof breachSchema>;

const SHOP_DATA = new Set(['Purchases', 'Partial credit card data', 'Credit cards', 'Payment histories', 'Purchasing habits']);
const SHOP_WORDS = new RegExp(
  [
    String.raw`retail(er|ers)?\b`,
    String.raw`e-?commerce`,
    String.raw`e-?tailer`,
    String.raw`web ?shop`,
    String.raw`shopping`,
    String.raw`(shop|store|stores|boutique|outlet|supermarket|grocer|grocery|pharmacy|marketplace|seller|sellers)\b`,
    // "the fashion brand Zadig & Voltaire", "the eyewear seller Frame & Optic", "the consumer electronics website Bhinneka"
    String.raw`(fashion|clothing|apparel|eyewear|jewell?ery|cosmetics?|beauty|furniture|footwear|shoe|luxury|wearables|consumer electronics) (brand|designer|website|site|company|label|maker)`,
    // Buying online, even when what is bought is a delivery, a ticket or a trip.
    String.raw`(food|grocery|pet care|meal kit|alcohol) delivery`,
    String.raw`delivery (service|app)`,
    String.raw`online ordering`,
    String.raw`(online )?travel agency`,
    String.raw`(ticketing company|ticket distribution)`,
    String.raw`custom printed apparel`,
    // Places people buy from that HIBP names by what they sell: "the digital mall Wanelo", "the
    // textbook rental service Chegg", "the photo print service Chatbooks", "the Indian book trading
    // website Bookchor", "Beckett Collectibles", "the cashback reward program ShopBack".
    String.raw`(digital|online) mall`,
    String.raw`(textbook|book) (rental|trading|selling)`,
    String.raw`photo print(ing)? service`,
    String.raw`collectibles`,
    String.raw`cashback`,
    String.raw`online fragrance`,
    String.raw`multi-level marketing`,
    // Restaurants and takeaways, where people order and pay online ("the Brazilian fast food
    // company Habib's", "Domino's Pizza in France", "the restaurant reservation service Eatigo").
    String.raw`fast food`,
    String.raw`pizza`,
    String.raw`dessert parlou?r`,
    String.raw`restaurant (chain|reservation|ordering)`,
    // Travel bought online, like the travel agencies above: airlines, hotel and car bookings.
    String.raw`airline`,
    // "the travel and hotel booking site ixigo", "the Indian bookings website Yatra" (not "the booking website Sonicbids", for bands' gigs).
    String.raw`(travel|hotel) (booking )?(site|website|platform)`,
    String.raw`bookings (site|website)`,
    String.raw`(car|self-drive car) rental`,
    String.raw`cinema (company|chain)`,
  ]
    .map((part) => String.raw`\b${part}`)
    .join('|'),
  'i',
);

/** HIBP's first sentence says what the site is ("In 2020, the clothing store Bonobos suffered…"). */
export function describesShop(descriptionText: string): boolean {
  const first = descriptionText.split(/(?<=\.)\s/)[0] ?? '';
  return SHOP_WORDS.test(first.replace(/\b(dark ?web|hacking|criminal|underground|tor hidden service|carding)\s+(marketplace|forum|market|store)s?/gi, ''));
}

export function selectBreach(breach: HibpBreach, context: ImportContext): string | null {
  if (breach.IsSpamList) return 'spam-list';
  if (breach.IsFabricated) return 'fabricated';
  if (breach.IsMalware) return 'malware';
  if (breach.IsStealerLog) return 'stealer-log';
  if (breach.IsRetired) return 'retired';
  if (!breach.Domain) return 'no-domain';
  if (context.retailDomains.has(breach.Domain.toLowerCase())) return null;
  if (breach.DataClasses.some((c) => SHOP_DATA.has(c))) return null;
  if (describesShop(htmlToText(breach.Description))) return null;
  return 'not-retail';
}

export function breachToCandidate(breach: HibpBreach, context: ImportContext): Candidate | string {
  const domain = breach.Domain.toLowerCase();
  if (domainProblem(domain)) return 'domain-not-allowed';
  const org = context.registry.byDomain(domain);
  const breachDate = isoDay(breach.BreachDate)!;
  const added = isoDay(breach.AddedDate)!;
  const modified = isoDay(breach.ModifiedDate)!;
  const verified = breach.IsVerified;
  const text = htmlToText(breach.Description);
  const summary = truncate(verified ? text : `Unverified by Have I Been Pwned: ${text}`);
  const dataExposed: DataExposed[] = [...new Set(breach.DataClasses.map(cleanText))].sort(byText).map((dataClass) => ({ dataClass: shortText(dataClass), confirmed: verified }));
  const name = shortText(org?.name ?? breach.Title);
  return {
    record: breach.Name,
    snapshot: `modified ${modified}`,
    slug: org?.id ?? slugify(breach.Title),
    draft: {
      title: shortText(`${breach.Title} data breach`),
      organisation: name,
      brands: [...new Set([shortText(breach.Title), ...(org?.brands ?? [])])].sort(byText),
      countries: org?.country ? [org.country] : [],
      domains: [domain],
      kind: /credential stuffing/i.test(text) ? 'credential-stuffing' : 'data-breach',
      status: verified ? 'contained' : 'claimed',
      // BreachDate after AddedDate happens (HIBP re-dates); never let start follow disclosure.
      startedOn: breachDate <= added ? breachDate : added,
      disclosedOn: added,
      updatedOn: modified >= added ? modified : added,
      summary: summary || `${breach.Title} data breach listed by Have I Been Pwned.`,
      services: [],
      dataExposed,
      affected: breach.PwnCount > 0 ? [{ count: breach.PwnCount, who: 'accounts loaded into Have I Been Pwned', confirmed: verified }] : [],
      actors: [],
      authorities: [],
      advice: [],
      timeline: [],
      related: [],
      sources: [
        {
          url: `https://haveibeenpwned.com/PwnedWebsites#${encodeURIComponent(breach.Name)}`,
          publisher: 'Have I Been Pwned',
          title: shortText(breach.Title),
          date: added,
          licence: 'CC BY 4.0',
        },
      ],
    },
  };
}

/** HIBP's breach list, shape-checked record by record (throws FeedError naming the first bad one). */
export function parseBreaches(text: string): HibpBreach[] {
  return checkRecords(parseFeedJson(text), breachSchema, keyField('Name'));
}

export const hibpImporter = defineImporter<HibpBreach>({
  source: 'hibp',
  mergesWithinFeed: false,
  parse: parseBreaches,
  decider: (_records, context) => (breach) => selectBreach(breach, context) ?? breachToCandidate(breach, context),
  progressStep: 500,
});
