/**
 * The incident database: the only code that touches IndexedDB. It lives in the extension's
 * origin (a content script's IndexedDB would belong to the page), holds the installed dataset and
 * nothing the user set, so a dataset swap can never lose a setting.
 *
 * Layout (version 6): incidents are stored in chunks of CHUNK_SIZE, and the domain index the
 * background answers lookups from (core/matching/domain-index.ts) is one row beside them.
 * IndexedDB's cost is per row written, not per byte: 10k incidents as 10k rows with a multi-entry
 * index took 1.1–1.4 s to load in Chromium, as 400 chunks and one index row about 0.2 s (README,
 * Performance). The background reads the index row once when it starts and keeps it in memory
 * (incident-lookup.ts): a page that matches nothing costs no database read at all, and a match
 * reads only the chunks that hold its incidents.
 */
import Dexie, { type EntityTable } from 'dexie';
import { buildDomainIndexData, confirmMatches, type DomainIndexData } from '../matching/domain-index';
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

/** The domain index over the installed dataset's incident positions, and which install it belongs to. */
export interface StoredDomainIndex extends DomainIndexData {
  key: 'domains';
  /** `installIdOf` the meta row written in the same transaction: a reader holding this index can tell it is still current. */
  installId: string;
}

export type CaveatDb = Dexie & {
  chunks: EntityTable<IncidentChunk, 'n'>;
  domainIndex: EntityTable<StoredDomainIndex, 'key'>;
  meta: EntityTable<InstalledDataset, 'key'>;
};

export const CHUNK_SIZE = 25;

/** One install, told apart from every other: two installs share it only if they hold the same data. */
export function installIdOf(meta: Pick<InstalledDataset, 'installedAt' | 'contentHash'>): string {
  return `${meta.installedAt} ${meta.contentHash}`;
}

/** The chunk holding the incident at `position` in the dataset, and its place in that chunk. */
export function chunkOf(position: number): { n: number; offset: number } {
  return { n: Math.floor(position / CHUNK_SIZE), offset: position % CHUNK_SIZE };
}

/** The rows that store `incidents`, by table: chunks in the given order, and the domain index over them. */
export function storedRows(incidents: readonly Incident[], installId: string): { chunks: IncidentChunk[]; domainIndex: StoredDomainIndex[] } {
  const seen = new Set<string>();
  const chunks: IncidentChunk[] = [];
  incidents.forEach((incident, i) => {
    // Validation refuses duplicate ids long before this; a store must never hold two either.
    if (seen.has(incident.id)) throw new Error(`incident ${incident.id} appears twice in the dataset`);
    seen.add(incident.id);
    const { n } = chunkOf(i);
    (chunks[n] ??= { n, incidents: [] }).incidents.push(incident);
  });
  return { chunks, domainIndex: [indexChunks(chunks, installId)] };
}

/** The domain index over stored chunks: an incident's position is where its chunk puts it. */
export function indexChunks(chunks: readonly IncidentChunk[], installId: string): StoredDomainIndex {
  const domainsOf: (readonly string[] | undefined)[] = [];
  for (const chunk of chunks) chunk.incidents.forEach((incident, offset) => (domainsOf[chunk.n * CHUNK_SIZE + offset] = incident.domains));
  return { key: 'domains', installId, ...buildDomainIndexData(domainsOf) };
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
  // Version 4: chunks (and, until version 6, a domain index in 64 bucket rows) instead of one row per incident.
  // The installed dataset moves across as it is, so a signed update taken before stays installed.
  db.version(4)
    .stores({ incidents: 'id, *domains', chunks: 'n', domainBuckets: 'b', meta: 'key' })
    .upgrade(async (tx) => {
      // Only the chunks: version 6, which runs next in the same upgrade, indexes them.
      const incidents = (await tx.table('incidents').toArray()) as Incident[];
      await tx.table('chunks').bulkAdd(storedRows(incidents, '').chunks);
    });
  // Version 5: the old table goes (Dexie lets an upgrade read a table that a later version deletes).
  db.version(5).stores({ incidents: null, chunks: 'n', domainBuckets: 'b', meta: 'key' });
  // Version 6: one domain index row, held in memory by the background, instead of 64 bucket rows read
  // on every lookup. Built here from the chunks, so an installed signed update keeps answering.
  db.version(6)
    .stores({ chunks: 'n', domainBuckets: null, domainIndex: 'key', meta: 'key' })
    .upgrade(async (tx) => {
      const meta = (await tx.table('meta').get('dataset')) as InstalledDataset | undefined;
      if (!meta) return;
      await tx.table('domainIndex').add(indexChunks((await tx.table('chunks').toArray()) as IncidentChunk[], installIdOf(meta)));
    });
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

/**
 * Replaces the installed dataset in one transaction: readers see the old one or the new one, never
 * half. The background then reads the new domain index (served-dataset.ts).
 */
export async function installDataset(db: CaveatDb, dataset: Dataset, info: InstallInfo): Promise<void> {
  const meta: InstalledDataset = {
    key: 'dataset',
    version: dataset.version,
    dataAsOf: dataset.dataAsOf,
    contentHash: dataset.contentHash,
    counts: dataset.counts,
    ...info,
  };
  const rows = storedRows(dataset.incidents, installIdOf(meta));
  await db.transaction('rw', db.chunks, db.domainIndex, db.meta, async () => {
    await db.chunks.clear();
    await db.chunks.bulkAdd(rows.chunks);
    await db.domainIndex.put(rows.domainIndex[0]!);
    await db.meta.put(meta);
  });
}

export async function installedDataset(db: CaveatDb): Promise<InstalledDataset | undefined> {
  return withOpenDb(db, () => db.meta.get('dataset'));
}

/** The stored domain index, or undefined when no dataset is installed. */
export async function storedDomainIndex(db: CaveatDb): Promise<StoredDomainIndex | undefined> {
  return withOpenDb(db, () => db.domainIndex.get('domains'));
}

/**
 * The incidents at these dataset positions that match `hostname` (the index knows hashes, not
 * names: this confirms), provided the installed dataset is still `installId`; null when another
 * install has replaced it since the caller's index was read (read it again). One read
 * transaction: the check and the chunks come from the same dataset.
 */
export async function incidentsAt(db: CaveatDb, positions: readonly number[], hostname: string, installId: string): Promise<Incident[] | null> {
  const wanted = [...new Set(positions.map((p) => chunkOf(p).n))];
  return withOpenDb(db, () =>
    db.transaction('r', db.meta, db.chunks, async () => {
      const [meta, chunks] = await Promise.all([db.meta.get('dataset'), db.chunks.bulkGet(wanted)]);
      if (!meta || installIdOf(meta) !== installId) return null;
      const byNumber = new Map(chunks.flatMap((chunk) => (chunk ? [[chunk.n, chunk] as const] : [])));
      const found = positions.flatMap((p) => {
        const { n, offset } = chunkOf(p);
        const incident = byNumber.get(n)?.incidents[offset];
        return incident ? [incident] : [];
      });
      return confirmMatches(found, hostname);
    }),
  );
}

export async function allIncidents(db: CaveatDb): Promise<Incident[]> {
  return withOpenDb(db, async () => (await db.chunks.toArray()).flatMap((chunk) => chunk.incidents));
}

export async function incidentCount(db: CaveatDb): Promise<number> {
  return (await allIncidents(db)).length;
}
