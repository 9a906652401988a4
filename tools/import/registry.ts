/**
 * The organisation registry (data/organisations.json): who an organisation is, how the feeds
 * spell it, its brands and the domains it really uses. It is what lets a Privacy Rights
 * Clearinghouse row about "Target Corp." become an incident that warns on target.com.
 *
 * Rules (checked by `registryProblems`, run by the importers and the unit tests):
 * - every domain passes `domainProblem` (no public suffix, no shared platform, normal form);
 * - a domain belongs to one organisation only;
 * - an alias (after `nameKey`) points at one organisation only;
 * - every domain is one the organisation really uses: from a feed (an HIBP Domain, a leak-site post
 *   naming it), a curated incident, or well-known published fact (the company's own main or
 *   country site). Never a guess from the name: an organisation whose site we do not know has
 *   no domains and its incidents are still imported, only without a banner;
 * - a company that no longer trades keeps no domains (its old site now belongs to whoever bought
 *   the brand: Toys "R" Us, RadioShack, Gymboree…), nor does a business for sites run by a
 *   franchisee, a licensee or a buyer (staples.ca is Staples Canada's, lowes.ca RONA's).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { domainProblem } from '@/core/matching/hostname';
import { INCIDENT_ID } from '@/core/model/schema';
import { pathOf } from '@/core/model/issue-path';
import { nameKey } from './text';

export const organisationSchema = z.strictObject({
  /** Stable key, also the start of imported incident ids. */
  id: z.string().regex(INCIDENT_ID).max(60),
  /** The name incidents use; matches the curated incidents' `organisation` for the same domains. */
  name: z.string().min(1).max(200),
  /** Spellings seen in feeds ("TARGET CORP", "Target Corp.", "Target"). The name is always an alias too. */
  aliases: z.array(z.string().min(1).max(400)).max(100),
  brands: z.array(z.string().min(1).max(200)).max(100),
  domains: z.array(z.string()).max(200),
  /** ISO 3166-1 alpha-2 of the home country. */
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  /** "retail" unless the feeds list it among retailers while it is not one (a hotel, a bank). */
  sector: z.enum(['retail', 'restaurant', 'other']),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const registryFileSchema = z.strictObject({
  $comment: z.string().optional(),
  organisations: z.array(organisationSchema),
});

export interface RegistryProblem {
  id: string;
  path: string;
  message: string;
}

export function registryProblems(organisations: Organisation[]): RegistryProblem[] {
  const problems: RegistryProblem[] = [];
  const ids = new Map<string, string>();
  const domains = new Map<string, string>();
  const aliases = new Map<string, string>();
  organisations.forEach((org, i) => {
    if (ids.has(org.id)) problems.push({ id: org.id, path: `organisations[${i}].id`, message: 'duplicate id' });
    ids.set(org.id, org.id);
    org.domains.forEach((domain, j) => {
      const problem = domainProblem(domain);
      if (problem) problems.push({ id: org.id, path: `organisations[${i}].domains[${j}]`, message: problem });
      const owner = domains.get(domain);
      if (owner && owner !== org.id) problems.push({ id: org.id, path: `organisations[${i}].domains[${j}]`, message: `"${domain}" is also listed for ${owner}` });
      domains.set(domain, org.id);
    });
    [org.name, ...org.aliases].forEach((alias, j) => {
      const key = nameKey(alias);
      const path = j === 0 ? `organisations[${i}].name` : `organisations[${i}].aliases[${j - 1}]`;
      if (!key) {
        problems.push({ id: org.id, path, message: `"${alias}" has no letters or digits left once company forms are removed` });
        return;
      }
      const owner = aliases.get(key);
      if (owner && owner !== org.id) problems.push({ id: org.id, path, message: `"${alias}" also names ${owner}` });
      aliases.set(key, org.id);
    });
  });
  return problems;
}

export class Registry {
  private readonly byKey = new Map<string, Organisation>();
  private readonly byDomainMap = new Map<string, Organisation>();

  constructor(readonly organisations: Organisation[]) {
    for (const org of organisations) {
      for (const alias of [org.name, ...org.aliases]) this.byKey.set(nameKey(alias), org);
      for (const domain of org.domains) this.byDomainMap.set(domain, org);
    }
  }

  /** The organisation a feed's name spells, by exact `nameKey` match only. */
  byName(name: string): Organisation | undefined {
    const key = nameKey(name);
    return key ? this.byKey.get(key) : undefined;
  }

  byDomain(domain: string): Organisation | undefined {
    return this.byDomainMap.get(domain);
  }

  get domains(): string[] {
    return [...this.byDomainMap.keys()];
  }
}

export const REGISTRY_FILE = new URL('../../data/organisations.json', import.meta.url);

/** Reads and checks the registry; throws with every problem listed if it is not sound. */
export function loadRegistry(file: URL | string = REGISTRY_FILE): Registry {
  const parsed = registryFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`organisations.json: ${pathOf(issue.path)}: ${issue.message}`);
  }
  const problems = registryProblems(parsed.data.organisations);
  if (problems.length > 0) throw new Error(`organisations.json:\n${problems.map((p) => `  ${p.path} (${p.id}): ${p.message}`).join('\n')}`);
  return new Registry(parsed.data.organisations);
}
