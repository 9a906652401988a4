/**
 * An in-memory hostname → incidents index for Node (the CLI, benchmarks). The extension asks
 * IndexedDB's bucketed domain index the same question (db.ts); both look at the same candidates,
 * the hostname itself and each parent with at least two labels (matching.ts `candidateDomains`),
 * so they cannot disagree.
 *
 * Performance (see README, "Performance"): a lookup allocates nothing. Instead of slicing each
 * suffix and hashing it in a Map, it walks the hostname once from the right, keeping a running
 * FNV-1a hash of the suffix read so far; at every label boundary that hash is the hash of a
 * candidate domain, looked up in an open-addressing table of typed arrays and confirmed with one
 * `startsWith` (no substring is ever created). Results are the index's own frozen arrays. Most
 * pages match nothing, so a bit filter small enough to stay in cache (16 bits per domain) answers
 * "not here" for most candidates before the table, which at 100k domains is 4 MB, is touched.
 */
import { candidateDomains } from './matching';
import type { Incident } from '../model/schema';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const DOT = 46;
const EMPTY: readonly Incident[] = Object.freeze([]);
/** A hostname has at most 253 characters; the scratch arrays hold one entry per character. */
const MAX_NAME = 253;

/** The hash `match` computes for a suffix: FNV-1a over its characters, last character first. */
function suffixHash(text: string): number {
  let h = FNV_OFFSET;
  for (let i = text.length - 1; i >= 0; i--) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

export class DomainIndex {
  /** Distinct dataset domains; a domain's position is its id. */
  private readonly domains: string[] = [];
  /** Incidents per domain id, each once, in dataset order; frozen because `match` hands them out. */
  private readonly lists: (readonly Incident[])[] = [];
  /**
   * Open addressing, linear probing, one cache line per probe: slot k holds the domain's hash at
   * 2k and its id + 1 at 2k + 1 (0 = empty).
   */
  private readonly table: Int32Array;
  private readonly mask: number;
  /** Scratch space for one `match`: dot positions, the hash of the suffix after each, the domain ids found. */
  private readonly dots = new Int32Array(MAX_NAME + 2);
  private readonly suffixHashes = new Int32Array(MAX_NAME + 2);
  private readonly found = new Int32Array(MAX_NAME + 2);
  /** Each domain's length, so most wrong candidates are refused without touching the string. */
  private readonly lengths: Int32Array;
  /** One bit per hash prefix: clear means no domain has a hash with that prefix. */
  private readonly filter: Uint32Array;
  private readonly filterShift: number;

  constructor(incidents: readonly Incident[]) {
    const ids = new Map<string, number>();
    const lists: Incident[][] = [];
    for (const incident of incidents) {
      for (const domain of incident.domains) {
        let id = ids.get(domain);
        if (id === undefined) {
          id = this.domains.length;
          ids.set(domain, id);
          this.domains.push(domain);
          lists.push([incident]);
        } else if (!lists[id]!.includes(incident)) lists[id]!.push(incident);
      }
    }
    for (const list of lists) this.lists.push(Object.freeze(list));
    this.lengths = Int32Array.from(this.domains, (d) => d.length);
    // At most a quarter full: a miss (most lookups) then ends after 1.4 slots on average.
    let size = 16;
    while (size < this.domains.length * 4) size *= 2;
    this.table = new Int32Array(size * 2);
    this.mask = size - 1;
    // The filter reads the hash's top bits, the table its bottom bits: the two stay independent.
    let filterBits = 5;
    while (1 << filterBits < this.domains.length * 16 && filterBits < 30) filterBits++;
    this.filter = new Uint32Array(1 << (filterBits - 5));
    this.filterShift = 32 - filterBits;
    for (let id = 0; id < this.domains.length; id++) {
      const h = suffixHash(this.domains[id]!);
      const bit = h >>> this.filterShift;
      this.filter[bit >>> 5]! |= 1 << (bit & 31);
      let slot = h & this.mask;
      while (this.table[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      this.table[2 * slot] = h;
      this.table[2 * slot + 1] = id + 1;
    }
  }

  /** How many distinct dataset domains the index holds. */
  get domainCount(): number {
    return this.domains.length;
  }

  /**
   * Incidents matching a normalised hostname, each once: the allocation-free hot path. The array
   * belongs to the index (frozen); use `lookup` for an array of your own.
   */
  match(hostname: string): readonly Incident[] {
    const length = hostname.length;
    if (length > MAX_NAME) return this.matchLong(hostname);
    const { dots, suffixHashes, table, lengths, domains, found, filter, filterShift } = this;
    const wrap = this.mask * 2 + 1;
    let h = FNV_OFFSET;
    let n = 0;
    // One pass from the right, without a data-dependent branch: at every dot, remember where it is
    // and the hash of what follows it (the write is overwritten unless the dot advances `n`).
    for (let i = length - 1; i >= 0; i--) {
      const c = hostname.charCodeAt(i);
      dots[n] = i;
      suffixHashes[n] = h;
      n += ((c ^ DOT) - 1) >>> 31;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (n === 0) return EMPTY; // a single label never matches
    // The whole name is candidate n (as if after a dot at -1); the suffix after the last dot
    // (k = 0) is a single label and never a candidate. Longest candidate first.
    dots[n] = -1;
    suffixHashes[n] = h;
    let count = 0;
    for (let k = n; k >= 1; k--) {
      const hash = suffixHashes[k]!;
      const bit = hash >>> filterShift;
      if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
      const start = dots[k]! + 1;
      let slot = (hash & this.mask) << 1;
      for (let entry = table[slot + 1]!; entry !== 0; entry = table[slot + 1]!) {
        if (table[slot] === hash && lengths[entry - 1] === length - start && hostname.startsWith(domains[entry - 1]!, start)) {
          found[count++] = entry - 1;
          break;
        }
        slot = (slot + 2) & wrap;
      }
    }
    if (count === 0) return EMPTY;
    if (count === 1) return this.lists[found[0]!]!;
    return this.merge(count);
  }

  /** Incidents matching a normalised hostname, each once, in a new array. */
  lookup(hostname: string): Incident[] {
    return this.match(hostname).slice();
  }

  /** Names longer than any real hostname (253) take the slow, allocating path, with the same answer. */
  private matchLong(hostname: string): readonly Incident[] {
    const ids = new Map(this.domains.map((d, id) => [d, id]));
    let count = 0;
    for (const candidate of candidateDomains(hostname)) {
      const id = ids.get(candidate);
      if (id !== undefined) this.found[count++] = id;
    }
    if (count === 0) return EMPTY;
    return count === 1 ? this.lists[this.found[0]!]! : this.merge(count);
  }

  /** Several suffixes matched (rare): in `found` order (longest suffix first), each incident once. */
  private merge(count: number): Incident[] {
    const out: Incident[] = [];
    for (let k = 0; k < count; k++) {
      for (const incident of this.lists[this.found[k]!]!) if (!out.includes(incident)) out.push(incident);
    }
    return out;
  }
}
