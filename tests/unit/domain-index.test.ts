/**
 * The domain index the background answers every navigation from: it must agree with the matching
 * rule (a linear scan with `domainMatches`) for any dataset and any hostname, survive the trip
 * through IndexedDB (structured clone), and never let a shared hash pass for a match.
 */
import fc from 'fast-check';
import './security/fc-seed';
import { describe, expect, it } from 'vitest';
import { buildDomainIndexData, confirmMatches, DomainIndex, domainHash, domainIndexDataProblem, DOMAIN_INDEX_FORMAT } from '../../core/matching/domain-index';
import { domainMatches, domainProblem } from '../../core/matching/hostname';

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
const datasetDomain = fc.oneof(fc.domain(), fc.tuple(label, fc.constantFrom('co.uk', 'com', 'de', 'com.au')).map(([l, s]) => `${l}.${s}`)).filter((d) => domainProblem(d) === null);

/** What the index must answer: every position whose domains match, by the rule itself. */
function linearScan(domainsOf: string[][], hostname: string): number[] {
  return domainsOf.flatMap((domains, position) => (domains.some((d) => domainMatches(d, hostname)) ? [position] : []));
}

function lookup(index: DomainIndex, domainsOf: string[][], hostname: string): number[] {
  const positions = index.match(hostname);
  return confirmMatches(positions.map((p) => ({ p, domains: domainsOf[p]! })), hostname).map((x) => x.p);
}

describe('DomainIndex', () => {
  it('agrees with a linear scan of the matching rule, for any dataset and hostname', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(datasetDomain, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 30 }),
        fc.array(label, { maxLength: 3 }),
        fc.nat(),
        fc.oneof(datasetDomain, fc.domain()),
        (domainsOf, subdomains, pick, other) => {
          const index = DomainIndex.of(domainsOf);
          const flat = domainsOf.flat();
          // A hostname at or below a dataset domain, and one that is anywhere else.
          for (const hostname of [[...subdomains, flat[pick % flat.length]!].join('.'), other]) {
            expect(lookup(index, domainsOf, hostname)).toEqual(linearScan(domainsOf, hostname));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    ['www.marksandspencer.com', [0]],
    ['marksandspencer.com', [0]],
    ['checkout.secure.marksandspencer.com', [0]],
    ['notmarksandspencer.com', []],
    ['carnival.com', []],
    ['shop.coop.co.uk', [1, 2]],
    ['coop.co.uk', [1]],
    ['thecoop.co.uk', []],
    ['co.uk', []],
    ['com', []],
    ['x.shop.coop.co.uk', [1, 2]],
  ])('%s → positions %j', (hostname, expected) => {
    const domainsOf = [['marksandspencer.com'], ['coop.co.uk', 'coop.co.uk'], ['shop.coop.co.uk'], ['nival.com']];
    expect(lookup(DomainIndex.of(domainsOf), domainsOf, hostname)).toEqual(expected);
  });

  it('a hostname longer than any real one (253) gets the same answer by the slow path', () => {
    const long = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.marksandspencer.com`;
    expect(long.length).toBeGreaterThan(253);
    expect(DomainIndex.of([['marksandspencer.com']]).match(long)).toEqual([0]);
  });

  it('a domain that only shares another’s hash is offered, and refused once confirmed by name', () => {
    // A real FNV-1a collision among 700k made-up names.
    expect(domainHash('shop9182.example.com')).toBe(domainHash('shop697514.example.com'));
    const domainsOf = [['shop9182.example.com']];
    const index = DomainIndex.of(domainsOf);
    expect(index.match('www.shop697514.example.com')).toEqual([0]);
    expect(lookup(index, domainsOf, 'www.shop697514.example.com')).toEqual([]);
    expect(lookup(index, domainsOf, 'www.shop9182.example.com')).toEqual([0]);
  });

  it('survives the trip through IndexedDB (structured clone) and answers the same', () => {
    const domainsOf = [['marksandspencer.com'], ['coop.co.uk'], undefined, ['shop.coop.co.uk']];
    const data = buildDomainIndexData(domainsOf);
    const restored = new DomainIndex(structuredClone(data));
    expect(restored.match('shop.coop.co.uk')).toEqual([1, 3]);
    expect(restored.match('example.org')).toEqual([]);
  });

  it.each([
    ['another format', { format: DOMAIN_INDEX_FORMAT + 1 }, /format/],
    ['arrays of another kind', { hashes: [1, 2] }, /typed arrays/],
    ['torn arrays', { positions: new Int32Array(0) }, /differ in length/],
  ])('stored data of %s is refused with a reason', (_what, change, reason) => {
    const data = { ...buildDomainIndexData([['marksandspencer.com']]), ...change } as never;
    expect(domainIndexDataProblem(data)).toMatch(reason);
    expect(() => new DomainIndex(data)).toThrow(reason);
  });
});
