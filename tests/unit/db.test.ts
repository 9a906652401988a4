import { afterEach, describe, expect, it } from 'vitest';
import { buildDataset } from '@/data/dataset';
import { incidentsForHostname, installDataset, installedDataset, openDb, type CaveatDb } from '@/data/db';
import { ensureBundledDataset } from '@/data/bundled-dataset';
import { serialiseDataset } from '@/data/dataset';
import { makeIncident } from './helpers/incident';

let db: CaveatDb;
const BUNDLED = { origin: 'bundled', sequence: 1, installedAt: '2026-01-01T00:00:00Z' } as const;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
});

const shop = makeIncident();
const coop = makeIncident({ id: 'co-op-2025-04', organisation: 'Co-op', domains: ['coop.co.uk'], disclosedOn: '2025-04-30' });
const sub = makeIncident({ id: 'shop-sub-2024-01', organisation: 'Sub Shop', domains: ['shop.sub.example'], disclosedOn: '2024-01-01', startedOn: undefined });

describe('the incident database', () => {
  it('finds incidents by any hostname at or below a dataset domain', async () => {
    db = openDb(`t-${Math.random()}`);
    await installDataset(db, await buildDataset([shop, coop, sub]), BUNDLED);
    const ids = async (h: string) => (await incidentsForHostname(db, h)).map((i) => i.id);
    expect(await ids('exampleshop.co.uk')).toEqual([shop.id]);
    expect(await ids('www.exampleshop.co.uk')).toEqual([shop.id]);
    expect(await ids('shop.coop.co.uk')).toEqual([coop.id]);
    expect(await ids('thecoop.co.uk')).toEqual([]);
    expect(await ids('sub.example')).toEqual([]);
    expect(await ids('a.shop.sub.example')).toEqual([sub.id]);
  });

  it('a new dataset replaces the old one whole', async () => {
    db = openDb(`t-${Math.random()}`);
    await installDataset(db, await buildDataset([shop, coop]), BUNDLED);
    const next = await buildDataset([sub]);
    await installDataset(db, next, BUNDLED);
    expect(await db.incidents.count()).toBe(1);
    expect((await installedDataset(db))?.contentHash).toBe(next.contentHash);
  });

  it('a failed install leaves the previous dataset intact', async () => {
    db = openDb(`t-${Math.random()}`);
    const first = await buildDataset([shop, coop]);
    await installDataset(db, first, BUNDLED);
    const broken = await buildDataset([sub]);
    broken.incidents.push(broken.incidents[0]!); // duplicate key: bulkAdd fails mid-transaction
    await expect(installDataset(db, broken, BUNDLED)).rejects.toThrow();
    expect((await db.incidents.toArray()).map((i) => i.id).sort()).toEqual([coop.id, shop.id].sort());
    expect((await installedDataset(db))?.contentHash).toBe(first.contentHash);
  });

  it('installs the bundled dataset once, and again only when it changes', async () => {
    db = openDb(`t-${Math.random()}`);
    let dataset = await buildDataset([shop]);
    const files = () => ({
      '/dataset.json': serialiseDataset(dataset),
      '/dataset.version.json': JSON.stringify({ version: dataset.version, contentHash: dataset.contentHash, sequence: 2025060100 }),
    });
    const fetchText = async (path: string) => (files() as Record<string, string>)[path]!;
    expect(await ensureBundledDataset(db, fetchText)).toBe(true);
    expect(await ensureBundledDataset(db, fetchText)).toBe(false);
    dataset = await buildDataset([shop, coop]);
    expect(await ensureBundledDataset(db, fetchText)).toBe(true);
    expect(await db.incidents.count()).toBe(2);
  });

  it('a bundled file that does not match its version file is refused and changes nothing', async () => {
    db = openDb(`t-${Math.random()}`);
    const good = await buildDataset([shop]);
    await installDataset(db, good, BUNDLED);
    const other = await buildDataset([coop]);
    const fetchText = async (path: string) =>
      path === '/dataset.json' ? serialiseDataset(other) : JSON.stringify({ version: 'x', contentHash: 'f'.repeat(64), sequence: 2025060100 });
    await expect(ensureBundledDataset(db, fetchText)).rejects.toThrow(/does not match/);
    expect((await installedDataset(db))?.contentHash).toBe(good.contentHash);
  });
});
