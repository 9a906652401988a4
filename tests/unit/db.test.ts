import { afterEach, describe, expect, it } from 'vitest';
import { buildDataset } from '../../core/model/dataset';
import { allIncidents, incidentCount, incidentsForHostname, installDataset, installedDataset, openDb, type CaveatDb } from '../../core/storage/db';
import { ensureBundledDataset } from '../../core/storage/bundled-dataset';
import { serialiseDataset } from '../../core/model/dataset';
import Dexie from 'dexie';
import { bucketOf, CHUNK_SIZE, DOMAIN_BUCKETS, storedRows } from '../../core/storage/db';
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
    expect(await incidentCount(db)).toBe(1);
    expect((await installedDataset(db))?.contentHash).toBe(next.contentHash);
  });

  it('a failed install leaves the previous dataset intact', async () => {
    db = openDb(`t-${Math.random()}`);
    const first = await buildDataset([shop, coop]);
    await installDataset(db, first, BUNDLED);
    const broken = await buildDataset([sub]);
    broken.incidents.push(broken.incidents[0]!); // duplicate key: bulkAdd fails mid-transaction
    await expect(installDataset(db, broken, BUNDLED)).rejects.toThrow();
    expect((await allIncidents(db)).map((i) => i.id).sort()).toEqual([coop.id, shop.id].sort());
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
    expect(await incidentCount(db)).toBe(2);
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

  it('finds every incident of a domain across chunks, and only those', async () => {
    db = openDb(`t-${Math.random()}`);
    // 2.5 chunks of other shops, with two incidents of one shop far apart.
    const many = Array.from({ length: CHUNK_SIZE * 2 + 50 }, (_, i) => makeIncident({ id: `shop-${i}-2024-01`, organisation: `Shop ${i}`, domains: [`shop${i}.example`] }));
    many[3] = makeIncident({ id: 'far-apart-2020-01', organisation: 'Far Apart', domains: ['farapart.example'] });
    many[CHUNK_SIZE * 2 + 10] = makeIncident({ id: 'far-apart-2024-06', organisation: 'Far Apart', domains: ['farapart.example', 'farapart.co.uk'] });
    await installDataset(db, await buildDataset(many), BUNDLED);
    const ids = async (h: string) => (await incidentsForHostname(db, h)).map((i) => i.id).sort();
    expect(await ids('www.farapart.example')).toEqual(['far-apart-2020-01', 'far-apart-2024-06']);
    expect(await ids('farapart.co.uk')).toEqual(['far-apart-2024-06']);
    expect(await ids(`shop${CHUNK_SIZE + 7}.example`)).toEqual([`shop-${CHUNK_SIZE + 7}-2024-01`]);
    expect(await ids('nowhere.example')).toEqual([]);
    expect(await incidentCount(db)).toBe(many.length);
  });

  it('stores chunks in dataset order and an index that names the right chunks', () => {
    const incidents = Array.from({ length: CHUNK_SIZE + 1 }, (_, i) => makeIncident({ id: `s-${i}-2024-01`, organisation: `S ${i}`, domains: [i === CHUNK_SIZE ? 'a.example' : `s${i}.example`] }));
    incidents[0] = makeIncident({ id: 's-0-2024-01', organisation: 'S 0', domains: ['a.example'] });
    const rows = storedRows(incidents);
    expect(rows.chunks.map((c) => c.incidents.length)).toEqual([CHUNK_SIZE, 1]);
    expect(rows.chunks.flatMap((c) => c.incidents)).toEqual(incidents);
    const bucket = rows.buckets.find((b) => b.b === bucketOf('a.example'))!;
    expect(bucket.chunks.get('a.example')).toEqual([0, 1]);
    expect(rows.buckets.every((b) => b.b >= 0 && b.b < DOMAIN_BUCKETS)).toBe(true);
    expect(() => storedRows([incidents[1]!, incidents[1]!])).toThrow(/appears twice/);
  });

  it('a version-3 database (one row per incident) moves to chunks with its signed dataset kept', async () => {
    const name = `m3-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores({ incidents: 'id, *domains', meta: 'key' });
    await v3.table('incidents').bulkAdd([shop, coop]);
    await v3.table('meta').put({ key: 'dataset', version: 'signed-1', dataAsOf: '2026-01-10', contentHash: 'e'.repeat(64), counts: { incidents: 2, domains: 2 }, origin: 'signed', sequence: 2026011000, installedAt: '2026-01-11T00:00:00Z' });
    v3.close();

    db = openDb(name);
    expect(await installedDataset(db)).toMatchObject({ version: 'signed-1', origin: 'signed', sequence: 2026011000 });
    expect((await incidentsForHostname(db, 'www.coop.co.uk')).map((i) => i.id)).toEqual([coop.id]);
    expect((await allIncidents(db)).map((i) => i.id).sort()).toEqual([coop.id, shop.id].sort());
    expect(db.tables.map((t) => t.name).sort()).toEqual(['chunks', 'domainBuckets', 'meta']);
  });
});
