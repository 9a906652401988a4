/**
 * The matching rule as properties (fast-check), so it holds for hostnames nobody thought of.
 * Claims: SECURITY.md, "Truth of a warning".
 */
import fc from 'fast-check';
import './fc-seed';
import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { domainMatches, domainProblem, hostnameFromUrl, normaliseHostname, SHARED_PLATFORMS } from '../../../core/matching/hostname';

const RUNS = { numRuns: 2000 };
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$/);
/** Dataset domains the validator accepts. */
const datasetDomain = fc.domain().filter((d) => domainProblem(d) === null);
const PUBLIC_SUFFIXES = ['co.uk', 'com', 'org.uk', 'com.au', 'co.jp', 'uk', 'myshopify.com', 'github.io', 'wixsite.com', 'netlify.app', 'blogspot.com', ...SHARED_PLATFORMS];

/** Does dataset domain `d` match the page at `url`? The same path as the extension: URL → normalised hostname → rule. */
function matchesUrl(d: string, url: string): boolean {
  const host = hostnameFromUrl(url);
  return host !== null && domainMatches(d, host);
}

describe('normalisation', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.domain(), fc.string(), fc.webUrl().map((u) => new URL(u).hostname)), (input) => {
        const once = normaliseHostname(input);
        if (once !== null) expect(normaliseHostname(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it('case and one trailing dot never change a result', () => {
    fc.assert(
      fc.property(datasetDomain, fc.array(label, { maxLength: 3 }), fc.boolean(), fc.func(fc.boolean()), (d, subs, dot, upper) => {
        const host = [...subs, d].join('.');
        const mangled = [...host].map((c, i) => (upper(i) ? c.toUpperCase() : c)).join('') + (dot ? '.' : '');
        expect(normaliseHostname(mangled)).toBe(normaliseHostname(host));
        expect(matchesUrl(d, `https://${mangled}/`)).toBe(matchesUrl(d, `https://${host}/`));
        expect(matchesUrl(d, `https://${host}/`)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('what may match', () => {
  it('no public suffix or shared platform is ever accepted as a dataset domain', () => {
    for (const suffix of PUBLIC_SUFFIXES) expect(domainProblem(suffix), suffix).not.toBeNull();
    fc.assert(
      fc.property(fc.domain(), (d) => {
        const parsed = parse(d, { allowPrivateDomains: true });
        if (parsed.domain === null || d === parsed.publicSuffix) expect(domainProblem(d)).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('a shop on a shared platform never matches its neighbour', () => {
    fc.assert(
      fc.property(label, label, fc.constantFrom('myshopify.com', 'github.io', 'wixsite.com', 'netlify.app'), (a, b, platform) => {
        fc.pre(a !== b);
        const shop = `${a}.${platform}`;
        expect(domainProblem(shop)).toBeNull();
        expect(matchesUrl(shop, `https://${b}.${platform}/`)).toBe(false);
        expect(matchesUrl(shop, `https://${shop}/`)).toBe(true);
      }),
      RUNS,
    );
  });

  it('adding subdomain labels keeps a match', () => {
    fc.assert(
      fc.property(datasetDomain, fc.array(label, { minLength: 1, maxLength: 4 }), (d, subs) => {
        expect(matchesUrl(d, `https://${d}/`)).toBe(true);
        expect(matchesUrl(d, `https://${[...subs, d].join('.')}/`)).toBe(true);
      }),
      RUNS,
    );
  });

  it('a name that merely ends with the same letters does not match (carnival.com is not nival.com)', () => {
    fc.assert(
      fc.property(datasetDomain, label, (d, prefix) => {
        expect(matchesUrl(d, `https://${prefix}${d}/`)).toBe(false);
      }),
      RUNS,
    );
  });

  it('a domain only in the path, query, fragment, userinfo or port of a URL never matches', () => {
    fc.assert(
      fc.property(datasetDomain, fc.domain(), fc.constantFrom('path', 'query', 'fragment', 'userinfo', 'both'), (d, other, where) => {
        fc.pre(!domainMatches(d, other.toLowerCase()));
        const url = {
          path: `https://${other}/${d}/https://${d}/`,
          query: `https://${other}/?u=https://${d}/&host=${d}`,
          fragment: `https://${other}/#${d}`,
          userinfo: `https://${d}@${other}/`,
          both: `https://${d}:${d}@${other}:8443/${d}?${d}#${d}`,
        }[where];
        expect(matchesUrl(d, url)).toBe(false);
      }),
      RUNS,
    );
  });

  it('pages that are not http(s), IP literals and single labels never match', () => {
    fc.assert(
      fc.property(datasetDomain, fc.ipV4(), fc.ipV6(), label, (d, v4, v6, single) => {
        for (const url of [`file:///${d}/`, `ftp://${d}/`, `chrome://${d}/`, `view-source:https://${d}/`, `blob:https://${d}/x`, `data:text/html,${d}`, `http://${v4}/`, `http://[${v6}]/`, `http://${single}/`]) {
          expect(matchesUrl(d, url), url).toBe(false);
        }
      }),
      RUNS,
    );
  });
});
