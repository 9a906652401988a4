/**
 * The incident database: the only code that touches IndexedDB. It lives in the extension's
 * origin (a content script's IndexedDB would belong to the page), holds the installed dataset and
 * nothing the user set, so a dataset swap can never lose a setting.
 *
 * Layout (version 4): incidents are stored in chunks of CHUNK_SIZE, and a domain index is spread
 * over DOMAIN_BUCKETS rows (domain → the chunks holding its incidents). IndexedDB's cost is per
 * row written, not per byte: 10k incidents as 10k rows with a multi-entry index took 1.1–1.4 s
 * to load in Chromium, as 100 chunks + 64 index rows about 0.15 s (README, Performance). A lookup
 * reads one or two index rows and the few chunks they name, in one read transaction.
 */
import Dexie, { type EntityTable } from 'dexie';
import { candidateDomains, domainMatches } from '../matching/matching';
import type { Dataset, Incident } from '../model/schema';

export interface InstalledDataset {
  key: 'dataset';
  version: string;
  dataAsOf: string;
  contentHash: string;
  counts: Dataset['counts'];
  /** "bundled": shipped inside the extension; "signed": taken from a signed update. */
  origin: 'bundled' | 'signed';
  /** The publisher's sequence number: an update must be higher (no rollback, no replay). */
  sequence: number;
  installedAt: string;
  /** The key that signed a signed update (absent for the bundled dataset, and for updates taken before keys were recorded). */
  keyId?: string;
  /**
   * Set on a bundled dataset reinstalled because this release no longer trusts the key that
   * signed the update installed before: the options page says so.
   */
  replacedUntrusted?: { keyId: string; sequence: number; version: string };
}

export type InstallInfo = Pick<InstalledDataset, 'origin' | 'sequence' | 'installedAt' | 'keyId' | 'replacedUntrusted'>;

/** Up to CHUNK_SIZE incidents, in dataset order; chunk n holds incidents [n·CHUNK_SIZE, (n+1)·CHUNK_SIZE). */
export interface IncidentChunk {
  n: number;
  incidents: Incident[];
}

/** Every dataset domain whose `bucketOf` is `b`, with the chunks that hold its incidents. */
export interface DomainBucket {
  b: number;
  chunks: Map<string, number[]>;
}

export type CaveatDb = Dexie & {
  chunks: EntityTable<IncidentChunk, 'n'>;
  domainBuckets: EntityTable<DomainBucket, 'b'>;
  meta: EntityTable<InstalledDataset, 'key'>;
};

export const CHUNK_SIZE = 25;
export const DOMAIN_BUCKETS = 64;

/** FNV-1a of the domain, folded onto the buckets: spreads domains evenly, same in every context. */
export function bucketOf(domain: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < domain.length; i++) hash = Math.imul(hash ^ domain.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % DOMAIN_BUCKETS;
}

/** The rows that store `incidents`: chunks in the given order, and the domain index over them. */
export function storedRows(incidents: readonly Incident[]): { chunks: IncidentChunk[]; buckets: DomainBucket[] } {
  const seen = new Set<string>();
  const chunks: IncidentChunk[] = [];
  const buckets = new Map<number, DomainBucket>();
  incidents.forEach((incident, i) => {
    // Validation refuses duplicate ids long before this; a store must never hold two either.
    if (seen.has(incident.id)) throw new Error(`incident ${incident.id} appears twice in the dataset`);
    seen.add(incident.id);
    const n = Math.floor(i / CHUNK_SIZE);
    (chunks[n] ??= { n, incidents: [] }).incidents.push(incident);
    for (const domain of incident.domains) {
      const b = bucketOf(domain);
      let bucket = buckets.get(b);
      if (!bucket) buckets.set(b, (bucket = { b, chunks: new Map() }));
      const list = bucket.chunks.get(domain);
      if (!list) bucket.chunks.set(domain, [n]);
      else if (list.at(-1) !== n) list.push(n);
    }
  });
  return { chunks, buckets: [...buckets.values()] };
}

export const DB_NAME = 'caveat';

export function openDb(name = DB_NAME): CaveatDb {
  const db = new Dexie(name) as CaveatDb;
  db.version(1).stores({
    // *domains: a multi-entry index, so a lookup is one indexed query over a hostname's suffixes.
    incidents: 'id, *domains, disclosedOn',
    meta: 'key',
  });
  // Version 2 (signed updates): the installed dataset records where it came from and its sequence.
  // A version-1 dataset was always the bundled one; sequence 0 lets any newer dataset replace it.
  db.version(2)
    .stores({ incidents: 'id, *domains, disclosedOn', meta: 'key' })
    .upgrade(async (tx) => {
      await tx
        .table('meta')
        .toCollection()
        .modify((row: Partial<InstalledDataset>) => {
          row.origin ??= 'bundled';
          row.sequence ??= 0;
        });
    });
  // Version 3: no index on disclosedOn. Nothing queried it (the popup sorts in memory), and every
  // index costs on each write: loading 10k incidents got faster without it (README, Performance).
  db.version(3).stores({ incidents: 'id, *domains', meta: 'key' });
  // Version 4: chunks and a bucketed domain index instead of one row per incident (see the top).
  // The installed dataset moves across as it is, so a signed update taken before stays installed.
  db.version(4)
    .stores({ incidents: 'id, *domains', chunks: 'n', domainBuckets: 'b', meta: 'key' })
    .upgrade(async (tx) => {
      const incidents = (await tx.table('incidents').toArray()) as Incident[];
      const rows = storedRows(incidents);
      await tx.table('chunks').bulkAdd(rows.chunks);
      await tx.table('domainBuckets').bulkAdd(rows.buckets);
    });
  // Version 5: the old table goes (Dexie lets an upgrade read a table that a later version deletes).
  db.version(5).stores({ incidents: null, chunks: 'n', domainBuckets: 'b', meta: 'key' });
  return db;
}

const REOPENABLE = new Set(['DatabaseClosedError', 'InvalidStateError']);

/**
 * Runs `operation`, and if the connection was closed underneath it (an explicit `close()`, a
 * version change from another context, the browser closing it), reopens the database once and
 * runs it again. Dexie reopens by itself after a browser-initiated close; an explicit close
 * disables that, which would otherwise leave a long-lived background answering errors forever.
 */
export async function withOpenDb<T>(db: CaveatDb, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!REOPENABLE.has((error as { name?: string } | null)?.name ?? '')) throw error;
    if (db.isOpen()) db.close({ disableAutoOpen: false });
    await db.open();
    return operation();
  }
}

/** Replaces the installed dataset in one transaction: readers see the old one or the new one, never half. */
export async function installDataset(db: CaveatDb, dataset: Dataset, info: InstallInfo): Promise<void> {
  await db.transaction('rw', db.chunks, db.domainBuckets, db.meta, async () => {
    await db.chunks.clear();
    await db.domainBuckets.clear();
    const rows = storedRows(dataset.incidents);
    await db.chunks.bulkAdd(rows.chunks);
    await db.domainBuckets.bulkAdd(rows.buckets);
    await db.meta.put({
      key: 'dataset',
      version: dataset.version,
      dataAsOf: dataset.dataAsOf,
      contentHash: dataset.contentHash,
      counts: dataset.counts,
      ...info,
    });
  });
}

export async function installedDataset(db: CaveatDb): Promise<InstalledDataset | undefined> {
  return withOpenDb(db, () => db.meta.get('dataset'));
}

/** Incidents whose domains match `hostname` (already normalised) under the matching rule. */
export async function incidentsForHostname(db: CaveatDb, hostname: string): Promise<Incident[]> {
  const candidates = candidateDomains(hostname);
  const chunks = await withOpenDb(db, () =>
    // One read transaction: the index rows and the chunks they name come from the same dataset.
    db.transaction('r', db.domainBuckets, db.chunks, async () => {
      const buckets = await db.domainBuckets.bulkGet([...new Set(candidates.map(bucketOf))]);
      const wanted = new Set<number>();
      for (const bucket of buckets) for (const domain of candidates) for (const n of bucket?.chunks.get(domain) ?? []) wanted.add(n);
      return wanted.size === 0 ? [] : db.chunks.bulkGet([...wanted].sort((x, y) => x - y));
    }),
  );
  return chunks.flatMap((chunk) => chunk?.incidents.filter((incident) => incident.domains.some((d) => domainMatches(d, hostname))) ?? []);
}

export async function allIncidents(db: CaveatDb): Promise<Incident[]> {
  return withOpenDb(db, async () => (await db.chunks.toArray()).flatMap((chunk) => chunk.incidents));
}

export async function incidentCount(db: CaveatDb): Promise<number> {
  return (await allIncidents(db)).length;
}
