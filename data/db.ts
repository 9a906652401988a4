/**
 * The incident database: the only code that touches IndexedDB. It lives in the extension's
 * origin (a content script's IndexedDB would belong to the page), holds the installed dataset and
 * nothing the user set, so a dataset swap can never lose a setting.
 */
import Dexie, { type EntityTable } from 'dexie';
import { candidateDomains, domainMatches } from './hostname';
import type { Dataset, Incident } from './schema';

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
}

export type InstallInfo = Pick<InstalledDataset, 'origin' | 'sequence' | 'installedAt'>;

export type CaveatDb = Dexie & {
  incidents: EntityTable<Incident, 'id'>;
  meta: EntityTable<InstalledDataset, 'key'>;
};

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
  await db.transaction('rw', db.incidents, db.meta, async () => {
    await db.incidents.clear();
    await db.incidents.bulkAdd(dataset.incidents);
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
  const rows = await withOpenDb(db, () => db.incidents.where('domains').anyOf(candidateDomains(hostname)).distinct().toArray());
  return rows.filter((incident) => incident.domains.some((d) => domainMatches(d, hostname)));
}

export async function allIncidents(db: CaveatDb): Promise<Incident[]> {
  return withOpenDb(db, () => db.incidents.toArray());
}
