/**
 * The matching rule, stated once (see DESIGN.md, "Matching rule"):
 *
 *   A dataset domain `d` matches a hostname `h` when `h == d` or `h` ends with "." + d,
 *   after normalising `h` (lower case, no trailing dot, IDN as punycode).
 *   www.marksandspencer.com matches marksandspencer.com; the opposite is not true.
 *
 * Only http(s) URLs are looked at. IP literals, localhost, single-label hosts and browser pages
 * never match. Paths, queries, ports and userinfo never take part: only `URL.hostname` is read.
 *
 * Everything here is pure and runs in Node and in the browser (WHATWG URL does the IDN work). It
 * needs no public suffix list, so the pages and the banner load it without one; the checks that
 * do (what may be a dataset domain, what a site is) are in hostname.ts.
 */
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** What a normalised hostname may look like: LDH labels, punycode included, 1–63 characters each. */
const HOSTNAME = /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;

/**
 * Lower-cases, strips one trailing dot and converts IDN to punycode. Returns null for anything
 * that is not a matchable hostname: IP literals, single labels (localhost), empty or invalid names.
 */
export function normaliseHostname(input: string): string | null {
  let host = input.trim();
  if (host.endsWith('.')) host = host.slice(0, -1);
  // Anything that would make the URL parser read a port, userinfo, path or IPv6 literal is no hostname.
  if (host === '' || /[\s/\\?#@%:[\]]/.test(host)) return null;
  let ascii: string;
  try {
    // The URL parser applies UTS #46 (lower case, IDN → punycode) exactly as the browser does.
    ascii = new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
  if (ascii.endsWith('.')) ascii = ascii.slice(0, -1);
  // A hostname the URL parser had to rewrite beyond case/IDN (e.g. "a/b", "a@b") was not a hostname.
  if (!HOSTNAME.test(ascii) || IPV4.test(ascii)) return null;
  return ascii;
}

/** The matchable hostname of a page URL, or null when the page can never match (not http(s), IP, …). */
export function hostnameFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return normaliseHostname(parsed.hostname);
}

/**
 * Every dataset domain that could match `hostname`: the name itself and each parent with at least
 * two labels. `a.b.example.co.uk` → a.b.example.co.uk, b.example.co.uk, example.co.uk, co.uk.
 * Public suffixes among them are harmless: validation keeps them out of the dataset.
 */
export function candidateDomains(hostname: string): string[] {
  const out = [hostname];
  let dot = hostname.indexOf('.');
  while (dot !== -1) {
    const rest = hostname.slice(dot + 1);
    if (rest.indexOf('.') === -1) break;
    out.push(rest);
    dot = hostname.indexOf('.', dot + 1);
  }
  return out;
}

/** The dataset domain among `domains` that the normalised `hostname` matches: the one "Why am I seeing this?" names. */
export function matchedDomain(domains: readonly string[], hostname: string): string | undefined {
  return domains.find((domain) => domainMatches(domain, hostname));
}

/** True when dataset domain `domain` matches the normalised `hostname` under the rule above. */
export function domainMatches(domain: string, hostname: string): boolean {
  return hostname === domain || (hostname.length > domain.length && hostname.endsWith(domain) && hostname[hostname.length - domain.length - 1] === '.');
}
