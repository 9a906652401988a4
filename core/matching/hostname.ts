/**
 * Hostnames and the public suffix list: what may be a dataset domain and what a "site" is. The
 * matching rule itself is in matching.ts (re-exported here), which needs no suffix list.
 */
import { parse } from 'tldts';
import { normaliseHostname } from './matching';

export { candidateDomains, domainMatches, hostnameFromUrl, matchedDomain, normaliseHostname } from './matching';

/**
 * Platforms where unrelated shops live side by side under one registrable domain, and which the
 * public suffix list does not (yet) mark as private suffixes. A dataset entry for one of these
 * would flag every shop on the platform (the `*.myshopify.com` complaint in DESIGN.md).
 * PSL private suffixes (myshopify.com, github.io, wixsite.com, netlify.app…) are caught by tldts.
 */
export const SHARED_PLATFORMS: readonly string[] = [
  'amazonaws.com',
  'azurewebsites.net',
  'bigcartel.com',
  'cloudfront.net',
  'ecwid.com',
  'squarespace.com',
  'square.site',
  'storenvy.com',
  'weebly.com',
  'wix.com',
];

/**
 * Why `domain` may not appear in the dataset, or null when it may. A dataset domain must be a
 * normalised hostname at or below a registrable domain, counting PSL private suffixes, and not a
 * shared platform.
 */
export function domainProblem(domain: string): string | null {
  const normalised = normaliseHostname(domain);
  if (normalised === null) return `"${domain}" is not a valid hostname (IP addresses and single labels are not allowed)`;
  if (normalised !== domain) return `"${domain}" must be written in normal form: "${normalised}"`;
  const parsed = parse(domain, { allowPrivateDomains: true });
  if (parsed.domain === null) return `"${domain}" is a public suffix or shared platform; it would match unrelated sites`;
  if (SHARED_PLATFORMS.includes(domain)) return `"${domain}" is a shared platform; name the shop's own hostname instead`;
  return null;
}

/** The registrable domain a visited hostname belongs to: the unit for "mute this site". */
export function siteOf(hostname: string): string {
  return parse(hostname, { allowPrivateDomains: true }).domain ?? hostname;
}
