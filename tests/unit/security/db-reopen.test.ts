/**
 * The database closed underneath a long-lived background (explicitly, or by another connection's
 * version change) is reopened and answers. The browser-level version of this runs in
 * tests/e2e/faults.spec.ts. Claims: SECURITY.md, "Faults".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildDataset } from '../../../core/model/dataset';
import { allIncidents, installDataset, installedDataset, openDb, type CaveatDb } from '../../../core/storage/db';
import { IncidentLookup } from '../../../core/storage/incident-lookup';
import { makeIncident } from '../helpers/incident';

let db: CaveatDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

async function installed(): Promise<CaveatDb> {
  db = openDb(`reopen-${Math.random()}`);
  await installDataset(db, await buildDataset([makeIncident()]), { origin: 'bundled', sequence: 1, installedAt: '2026-01-01T00:00:00Z' });
  return db;
}

/** A lookup as a freshly started worker makes it: the stored index, then the chunks it names. */
const incidentsForHostname = (database: CaveatDb, hostname: string) => new IncidentLookup(database).incidentsFor(hostname);

describe('reopening', () => {
  it('after an explicit close (which disables Dexie’s own auto-open)', async () => {
    await installed();
    db.close();
    expect((await incidentsForHostname(db, 'www.exampleshop.co.uk')).map((i) => i.id)).toEqual(['example-shop-2025-04']);
    db.close();
    expect(await allIncidents(db)).toHaveLength(1);
    db.close();
    expect((await installedDataset(db))?.origin).toBe('bundled');
  });

  it('after another connection forces a version change', async () => {
    await installed();
    await incidentsForHostname(db, 'exampleshop.co.uk');
    const version = db.verno;
    await new Promise<void>((resolve, reject) => {
      const bump = indexedDB.open(db.name, Math.round(version * 10) + 1);
      bump.onsuccess = () => {
        bump.result.close();
        resolve();
      };
      bump.onerror = () => reject(bump.error);
    });
    expect((await incidentsForHostname(db, 'exampleshop.co.uk')).map((i) => i.id)).toEqual(['example-shop-2025-04']);
  });

  it('other errors are not swallowed', async () => {
    await installed();
    await expect(incidentsForHostname(db, 'exampleshop.co.uk').then(() => db.table('nope').toArray())).rejects.toThrow();
  });
});
