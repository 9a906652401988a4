/**
 * Synthetic datasets for benchmarks: real incidents (data/incidents/ and data/imported/, the
 * records the bundled dataset is built from) used as templates and renamed, so a 100k-incident
 * dataset has the real mix of text lengths, services, data classes and actors, but every
 * retailer has its own, valid, unique domains. Deterministic: the same n gives the same records.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Incident } from '../core/model/schema';

const DIRS = ['data/incidents', 'data/imported'];

let cached: Incident[] | undefined;

/** The real incident records, as committed (sorted by file name). */
export function templateIncidents(): Incident[] {
  if (cached) return cached;
  const out: Incident[] = [];
  for (const dir of DIRS) {
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    } catch {
      continue;
    }
    for (const file of files) out.push(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Incident);
  }
  if (out.length === 0) throw new Error('no incident files found under data/incidents or data/imported');
  cached = out;
  return out;
}

/** `marksandspencer.com` for retailer 42 → `marksandspencer-r42.com`; `shop.coop.co.uk` → `shop-r42.coop.co.uk`. */
function renameDomain(domain: string, retailer: number): string {
  const dot = domain.indexOf('.');
  return `${domain.slice(0, dot)}-r${retailer}${domain.slice(dot)}`;
}

/**
 * n synthetic incidents. About 5 incidents in 8 start a new retailer, the others are a second
 * incident at the previous one (real retailers have several), as in the real data.
 */
export function syntheticIncidents(n: number): Incident[] {
  const templates = templateIncidents();
  const out: Incident[] = [];
  for (let i = 0; i < n; i++) {
    const t = templates[i % templates.length]!;
    const retailer = Math.floor((i * 5) / 8);
    const domains = t.domains.length > 0 ? t.domains.map((d) => renameDomain(d, retailer)) : [`retailer-r${retailer}.com`];
    out.push({
      ...t,
      id: `syn-${i}-${t.id}`.slice(0, 100).replace(/-+$/, ''),
      organisation: `${t.organisation} ${retailer}`,
      domains,
      related: [],
    });
  }
  return out;
}

/** Synthetic incidents until they hold at least `domains` distinct domains. */
export function incidentsWithDomains(domains: number): Incident[] {
  const out: Incident[] = [];
  const seen = new Set<string>();
  const pool = syntheticIncidents(Math.ceil(domains * 1.5) + 10);
  for (const incident of pool) {
    if (seen.size >= domains) break;
    out.push(incident);
    for (const d of incident.domains) seen.add(d);
  }
  return out;
}

/**
 * Hostnames a browser visits, deterministic: `matchShare` of them are on a dataset retailer
 * (its own domain, www., a deeper subdomain), the rest are real-looking sites that match nothing.
 */
export function visitedHostnames(incidents: Incident[], count: number, matchShare = 0.2): string[] {
  const domains = [...new Set(incidents.flatMap((i) => i.domains))];
  const others = [
    'www.google.com',
    'en.wikipedia.org',
    'mail.google.com',
    'www.bbc.co.uk',
    'news.ycombinator.com',
    'github.com',
    'docs.github.com',
    'static.cdn.example-shop.net',
    'a.b.c.deep.subdomain.example.co.uk',
    'www.gov.uk',
    'login.microsoftonline.com',
    'www.youtube.com',
  ];
  const out: string[] = [];
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < count; i++) {
    if (next() < matchShare) {
      const d = domains[Math.floor(next() * domains.length)]!;
      const r = next();
      out.push(r < 0.5 ? `www.${d}` : r < 0.8 ? d : `checkout.secure.${d}`);
    } else if (next() < 0.5) {
      out.push(others[Math.floor(next() * others.length)]!);
    } else {
      // A site next door to a retailer that must not match: notmarksandspencer-r1.com, www.shop123.co.uk.
      out.push(`www.shop${Math.floor(next() * 1e6)}.co.uk`);
    }
  }
  return out;
}
