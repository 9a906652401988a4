/**
 * Hostname lookup at 1k/10k/100k dataset domains: Caveat's DomainIndex against the obvious
 * alternatives, in the same run. Each benchmark call looks up a batch of hostnames (80% match
 * nothing, as in real browsing) so the per-call timer overhead does not swamp a ~50 ns lookup;
 * bench/summary.ts divides by the batch size.
 */
import { getDomain, parse } from 'tldts';
import { bench, describe } from 'vitest';
import { DomainIndex } from '../core/matching/domain-index';
import { candidateDomains, domainMatches } from '../core/matching/hostname';
import { incidentsWithDomains, visitedHostnames } from './synthetic';

export const LOOKUP_BATCH = 1000;
export const LINEAR_BATCH = 10;
let sink = 0;

for (const size of [1_000, 10_000, 100_000]) {
  const incidents = incidentsWithDomains(size);
  // Flat strings, as `new URL(…).hostname` gives (template literals would build cons strings).
  const hosts = JSON.parse(JSON.stringify(visitedHostnames(incidents, LOOKUP_BATCH))) as string[];
  const index = DomainIndex.of(incidents.map((i) => i.domains));
  const domainSet = new Set(incidents.flatMap((i) => i.domains));
  const domainList = [...domainSet];
  const byDomain = new Map<string, number>(domainList.map((d, k) => [d, k]));

  describe(`lookup ${size / 1000}k domains`, () => {
    bench(`DomainIndex.match x${LOOKUP_BATCH}`, () => {
      for (let k = 0; k < hosts.length; k++) sink += index.match(hosts[k]!).length;
    });
    bench(`DomainIndex restored from its stored form (structuredClone) x1`, () => {
      sink += new DomainIndex(structuredClone(index.data)).data.hashes.length;
    });
    bench(`tldts parse + Set x${LOOKUP_BATCH}`, () => {
      for (let k = 0; k < hosts.length; k++) {
        const h = hosts[k]!;
        const domain = parse(h, { allowPrivateDomains: true }).domain;
        if (domainSet.has(h) || (domain !== null && domainSet.has(domain))) sink++;
      }
    });
    bench(`tldts getDomain + Set x${LOOKUP_BATCH}`, () => {
      for (let k = 0; k < hosts.length; k++) {
        const h = hosts[k]!;
        const domain = getDomain(h, { allowPrivateDomains: true });
        if (domainSet.has(h) || (domain !== null && domainSet.has(domain))) sink++;
      }
    });
    bench(`slice-and-Map label walk x${LOOKUP_BATCH}`, () => {
      for (let k = 0; k < hosts.length; k++) for (const c of candidateDomains(hosts[k]!)) if (byDomain.has(c)) sink++;
    });
    bench(`linear scan x${LINEAR_BATCH}`, () => {
      for (let k = 0; k < LINEAR_BATCH; k++) {
        const h = hosts[k]!;
        for (let j = 0; j < domainList.length; j++) if (domainMatches(domainList[j]!, h)) sink++;
      }
    });
  });
}

// Keep the results observable so nothing above is optimised away.
if (sink < 0) console.log(sink);
