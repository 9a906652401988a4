/**
 * The hostname → incidents index the extension answers every navigation from (and the CLI's
 * `dataset match`). It holds no domain names: for every (dataset domain, incident position) pair
 * it keeps the domain's 32-bit hash and the position, sorted by hash. A lookup walks the hostname
 * once from the right, keeping a running FNV-1a hash of the suffix read so far; at every label
 * boundary that hash is the hash of a candidate domain (matching.ts `candidateDomains`: the
 * hostname and each parent with at least two labels), found by binary search.
 *
 * A hash is not a name: two domains can share one (at 137k domains, about one lookup in 10,000
 * meets such a stranger). So the index answers "incidents that may match", and the caller confirms
 * each with `domainMatches` on the incident itself (`confirmMatches` below), which it reads
 * anyway. A miss, which is most of browsing, allocates nothing.
 *
 * Why this shape (README, Performance): the background keeps the index in memory and a worker
 * waking up reads it from one IndexedDB row, at about 7.5 ms per MB in Chromium. The earlier
 * in-memory design (an open-addressing table of typed arrays with a bit filter and the domain
 * strings, 80 ns a lookup) weighed 8 MB at 100k incidents: 300–600 ms to read at cold start. Two
 * parallel Int32Arrays weigh 1.3 MB, need no rebuilding, and a binary search costs well under a
 * microsecond, invisible beside the milliseconds of navigation → badge.
 */
import { candidateDomains, domainMatches } from './matching';

/** Bumped whenever the hash or the layout changes: a stored index of another format is rebuilt. */
export const DOMAIN_INDEX_FORMAT = 2;

export interface DomainIndexData {
  format: number;
  /** The hash of a dataset domain, once per incident it belongs to; ascending (as signed integers). */
  hashes: Int32Array;
  /** The dataset position of that incident; ascending within one hash. */
  positions: Int32Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const DOT = 46;
const NONE: readonly number[] = Object.freeze([]);
/** A hostname has at most 253 characters; longer names take a slow path with the same answer. */
const MAX_NAME = 253;

/** The hash a lookup computes for a suffix: FNV-1a over its characters, last character first. */
export function domainHash(text: string): number {
  let h = FNV_OFFSET;
  for (let i = text.length - 1; i >= 0; i--) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** The data of an index over incidents whose domains are `domainsOf[position]` (holes allowed). */
export function buildDomainIndexData(domainsOf: readonly (readonly string[] | undefined)[]): DomainIndexData {
  const pairHashes: number[] = [];
  const pairPositions: number[] = [];
  domainsOf.forEach((domains, position) => {
    for (const domain of new Set(domains)) {
      pairHashes.push(domainHash(domain));
      pairPositions.push(position);
    }
  });
  const order = Array.from(pairHashes.keys()).sort((a, b) => pairHashes[a]! - pairHashes[b]! || pairPositions[a]! - pairPositions[b]!);
  const hashes = new Int32Array(order.length);
  const positions = new Int32Array(order.length);
  let n = 0;
  for (const k of order) {
    // Two domains of one incident with the same hash: one pair is enough.
    if (n > 0 && hashes[n - 1] === pairHashes[k] && positions[n - 1] === pairPositions[k]) continue;
    hashes[n] = pairHashes[k]!;
    positions[n++] = pairPositions[k]!;
  }
  return { format: DOMAIN_INDEX_FORMAT, hashes: hashes.slice(0, n), positions: positions.slice(0, n) };
}

/** Why stored data cannot serve as an index (another format, torn or tampered), or null when it can. */
export function domainIndexDataProblem(data: DomainIndexData): string | null {
  if (data.format !== DOMAIN_INDEX_FORMAT) return `format ${String(data.format)}, expected ${DOMAIN_INDEX_FORMAT}`;
  if (!(data.hashes instanceof Int32Array) || !(data.positions instanceof Int32Array)) return 'not typed arrays';
  if (data.hashes.length !== data.positions.length) return 'hashes and positions differ in length';
  return null;
}

export class DomainIndex {
  readonly data: DomainIndexData;
  /** Scratch space for one lookup: the hash of the suffix after each dot. */
  private readonly suffixHashes = new Int32Array(MAX_NAME + 2);

  /** Throws when the data cannot serve (see `domainIndexDataProblem`): rebuild it instead. */
  constructor(data: DomainIndexData) {
    const problem = domainIndexDataProblem(data);
    if (problem) throw new Error(`the stored domain index cannot be used: ${problem}`);
    this.data = data;
  }

  /** An index over incidents whose domains are `domainsOf[position]` (e.g. `incidents.map((i) => i.domains)`). */
  static of(domainsOf: readonly (readonly string[] | undefined)[]): DomainIndex {
    return new DomainIndex(buildDomainIndexData(domainsOf));
  }

  /**
   * The positions of the incidents that may match a normalised hostname, ascending, each once:
   * confirm them with `confirmMatches`. A miss returns a shared empty array.
   */
  match(hostname: string): readonly number[] {
    const { suffixHashes } = this;
    let n = 0;
    if (hostname.length > MAX_NAME) {
      for (const candidate of candidateDomains(hostname)) if (n < suffixHashes.length) suffixHashes[n++] = domainHash(candidate);
    } else {
      // One pass from the right, without a data-dependent branch: slot j ends up holding the hash of
      // what follows the (j+1)-th dot from the right (a write stays only if a dot advances `dots`).
      // Slot 0, the last label alone, is never a candidate: the whole name takes its place.
      let h = FNV_OFFSET;
      let dots = 0;
      for (let i = hostname.length - 1; i >= 0; i--) {
        const c = hostname.charCodeAt(i);
        suffixHashes[dots] = h;
        dots += ((c ^ DOT) - 1) >>> 31;
        h = Math.imul(h ^ c, FNV_PRIME);
      }
      if (dots === 0) return NONE; // a single label never matches
      suffixHashes[0] = h;
      n = dots;
    }
    let out: number[] | undefined;
    for (let k = 0; k < n; k++) out = this.collect(suffixHashes[k]!, out);
    if (!out) return NONE;
    return out.length > 1 ? [...new Set(out)].sort((a, b) => a - b) : out;
  }

  /** Appends the positions stored under `hash` (binary search for the first, then the run). */
  private collect(hash: number, out: number[] | undefined): number[] | undefined {
    const { hashes, positions } = this.data;
    let low = 0;
    let high = hashes.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (hashes[mid]! < hash) low = mid + 1;
      else high = mid;
    }
    for (let k = low; k < hashes.length && hashes[k] === hash; k++) (out ??= []).push(positions[k]!);
    return out;
  }
}

/** The incidents that really match `hostname`: the index's answer, confirmed by name. */
export function confirmMatches<T extends { domains: readonly string[] }>(incidents: readonly T[], hostname: string): T[] {
  return incidents.filter((incident) => incident.domains.some((domain) => domainMatches(domain, hostname)));
}

/** The incidents (those `index` was built over, in the same order) that match `hostname`. */
export function incidentsMatching<T extends { domains: readonly string[] }>(index: DomainIndex, incidents: readonly T[], hostname: string): T[] {
  return confirmMatches(
    index.match(hostname).map((position) => incidents[position]!),
    hostname,
  );
}
