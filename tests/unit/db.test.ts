import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDataset } from '../../core/model/dataset';
import { allIncidents, incidentCount, incidentsAt, installDataset, installedDataset, installIdOf, openDb, type CaveatDb } from '../../core/storage/db';
import { IncidentLookup } from '../../core/storage/incident-lookup';
import { domainHash } from '../../core/matching/domain-index';
import { ensureBundledDataset } from '../../core/storage/bundled-dataset';
import { serialiseDataset } from '../../core/model/dataset';
import Dexie from 'dexie';
import { CHUNK_SIZE, storedRows } from '../../core/storage/db';
import { makeIncident } from './helpers/incident';

let db: CaveatDb;
const BUNDLED = { origin: 'bundled', sequence: 1, installedAt: '2026-01-01T00:00:00Z' } as const;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
});

/** A lookup as a freshly started worker makes it: the stored index, then the chunks it names. */
const incidentsForHostname = (database: CaveatDb, hostname: string) => new IncidentLookup(database).incidentsFor(hostname);

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

  it('stores chunks in dataset order and one index row naming each domain’s incident positions', () => {
    const incidents = Array.from({ length: CHUNK_SIZE + 1 }, (_, i) => makeIncident({ id: `s-${i}-2024-01`, organisation: `S ${i}`, domains: [i === CHUNK_SIZE ? 'a.example' : `s${i}.example`] }));
    incidents[0] = makeIncident({ id: 's-0-2024-01', organisation: 'S 0', domains: ['a.example'] });
    const rows = storedRows(incidents, 'install-1');
    expect(rows.chunks.map((c) => c.incidents.length)).toEqual([CHUNK_SIZE, 1]);
    expect(rows.chunks.flatMap((c) => c.incidents)).toEqual(incidents);
    expect(rows.domainIndex).toHaveLength(1);
    const [index] = rows.domainIndex;
    expect(index!.installId).toBe('install-1');
    const a = index!.hashes.indexOf(domainHash('a.example'));
    expect([...index!.positions.subarray(a, a + 2)]).toEqual([0, CHUNK_SIZE]);
    expect(() => storedRows([incidents[1]!, incidents[1]!], 'install-2')).toThrow(/appears twice/);
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
    expect(db.tables.map((t) => t.name).sort()).toEqual(['chunks', 'domainIndex', 'meta']);
  });

  it('a version-5 database (bucketed domain index) gets its index row on the next start, answering as before', async () => {
    const name = `m5-${Math.random()}`;
    const meta = { key: 'dataset', version: 'signed-5', dataAsOf: '2026-01-10', contentHash: 'e'.repeat(64), counts: { incidents: 2, domains: 2 }, origin: 'signed', sequence: 2026011000, installedAt: '2026-01-11T00:00:00Z' } as const;
    const v5 = new Dexie(name);
    v5.version(5).stores({ chunks: 'n', domainBuckets: 'b', meta: 'key' });
    // Two chunks, the second not full: positions follow the chunk numbers.
    await v5.table('chunks').bulkAdd([{ n: 0, incidents: Array.from({ length: CHUNK_SIZE }, (_, i) => makeIncident({ id: `filler-${i}-2024-01`, domains: [`filler${i}.example`] })) }, { n: 1, incidents: [coop] }]);
    await v5.table('domainBuckets').add({ b: 0, chunks: new Map([['coop.co.uk', [1]]]) });
    await v5.table('meta').put(meta);
    v5.close();

    db = openDb(name);
    expect((await incidentsForHostname(db, 'shop.coop.co.uk')).map((i) => i.id)).toEqual([coop.id]);
    expect((await incidentsForHostname(db, 'filler3.example')).map((i) => i.id)).toEqual(['filler-3-2024-01']);
    expect(await db.domainIndex.get('domains')).toMatchObject({ installId: installIdOf(meta) });
    expect(db.tables.map((t) => t.name).sort()).toEqual(['chunks', 'domainIndex', 'meta']);
  });
});

describe('lookups from the in-memory index', () => {
  const install = (database: CaveatDb, incidents: typeof shop[], installedAt: string) =>
    buildDataset(incidents).then((dataset) => installDataset(database, dataset, { ...BUNDLED, installedAt }));

  it('chunks are read only for a match: a hostname that matches nothing costs no database read', async () => {
    db = openDb(`t-${Math.random()}`);
    await install(db, [shop, coop], '2026-01-01T00:00:00Z');
    const lookup = new IncidentLookup(db);
    expect((await lookup.incidentsFor('www.exampleshop.co.uk')).map((i) => i.id)).toEqual([shop.id]);
    const transactions = vi.spyOn(db, 'transaction');
    for (const miss of ['www.example.com', 'nowhere.co.uk', 'carnival.com']) expect(await lookup.incidentsFor(miss)).toEqual([]);
    expect(transactions).not.toHaveBeenCalled();
    expect((await lookup.incidentsFor('shop.coop.co.uk')).map((i) => i.id)).toEqual([coop.id]);
    expect(transactions).toHaveBeenCalledTimes(1);
  });

  it('a lookup holding the index of a replaced dataset reads the new one, never a mix', async () => {
    db = openDb(`t-${Math.random()}`);
    const movedShop = makeIncident({ ...shop, id: 'example-shop-2026-01', disclosedOn: '2026-01-02' });
    await install(db, [shop, coop], '2026-01-01T00:00:00Z');
    const lookup = new IncidentLookup(db);
    expect((await lookup.incidentsFor('exampleshop.co.uk')).map((i) => i.id)).toEqual([shop.id]);
    // Another install replaces the dataset behind the lookup's back: the shop is now at another position.
    await install(db, [coop, sub, movedShop], '2026-02-01T00:00:00Z');
    expect((await lookup.incidentsFor('exampleshop.co.uk')).map((i) => i.id)).toEqual([movedShop.id]);
    expect((await lookup.incidentsFor('a.shop.sub.example')).map((i) => i.id)).toEqual([sub.id]);
  });

  it('incidentsAt refuses to answer for an index of another install', async () => {
    db = openDb(`t-${Math.random()}`);
    await install(db, [shop], '2026-01-01T00:00:00Z');
    const { installId } = (await db.domainIndex.get('domains'))!;
    expect((await incidentsAt(db, [0], 'www.exampleshop.co.uk', installId))?.map((i) => i.id)).toEqual([shop.id]);
    expect(await incidentsAt(db, [0], 'www.exampleshop.co.uk', 'an older install')).toBeNull();
  });

  it('a stored index of another format is rebuilt from the chunks', async () => {
    db = openDb(`t-${Math.random()}`);
    await install(db, [shop, coop], '2026-01-01T00:00:00Z');
    await db.domainIndex.update('domains', { format: 0 });
    expect((await incidentsForHostname(db, 'shop.coop.co.uk')).map((i) => i.id)).toEqual([coop.id]);
  });

  it('nothing installed: every lookup answers nothing', async () => {
    db = openDb(`t-${Math.random()}`);
    expect(await incidentsForHostname(db, 'www.exampleshop.co.uk')).toEqual([]);
  });
});
