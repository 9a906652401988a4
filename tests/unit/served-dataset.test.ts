/**
 * The dataset the background answers from (core/storage/served-dataset.ts): the cold-start race
 * with the bundled install, a bundled dataset changed by an extension update, and a signed update
 * switched in while lookups run. On fake-indexeddb; the browser version is tests/e2e/faults.spec.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildDataset, serialiseDataset } from '../../core/model/dataset';
import type { Dataset, Incident } from '../../core/model/schema';
import { installDataset, openDb, type CaveatDb } from '../../core/storage/db';
import { serveDataset } from '../../core/storage/served-dataset';
import { makeIncident } from './helpers/incident';

let db: CaveatDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

const shop = makeIncident();
const coop = makeIncident({ id: 'co-op-2025-04', organisation: 'Co-op', domains: ['coop.co.uk'], disclosedOn: '2025-04-30' });
const quiet = { info: () => undefined, error: () => undefined };

/** The extension's two bundled files for `dataset`, served after `delay` (the worker's fetch). */
function bundledFiles(current: () => Dataset, delay: Promise<void> = Promise.resolve()) {
  return async (path: string) => {
    await delay;
    const dataset = current();
    return path === '/dataset.json' ? serialiseDataset(dataset) : JSON.stringify({ version: dataset.version, contentHash: dataset.contentHash, sequence: 2025060100 });
  };
}

const ids = (incidents: Incident[]) => incidents.map((i) => i.id);

describe('the served dataset', () => {
  it('a lookup that arrives before the bundled dataset is installed answers from it, never "nothing"', async () => {
    db = openDb(`s-${Math.random()}`);
    const dataset = await buildDataset([shop, coop]);
    let release!: () => void;
    const served = serveDataset(db, bundledFiles(() => dataset, new Promise((r) => (release = r))), quiet);
    const early = served.lookup('www.exampleshop.co.uk');
    release();
    expect(ids(await early)).toEqual([shop.id]);
    expect(await served.ready()).toBe(true);
  });

  it('an extension update with another bundled dataset is served after the re-check', async () => {
    db = openDb(`s-${Math.random()}`);
    let dataset = await buildDataset([shop]);
    const served = serveDataset(db, bundledFiles(() => dataset), quiet);
    expect(ids(await served.lookup('shop.coop.co.uk'))).toEqual([]);
    dataset = await buildDataset([shop, coop]);
    served.recheckBundled();
    expect(ids(await served.lookup('shop.coop.co.uk'))).toEqual([coop.id]);
  });

  it('a signed update is answered from as soon as it is installed; lookups meanwhile see one dataset or the other', async () => {
    db = openDb(`s-${Math.random()}`);
    const bundled = await buildDataset([shop]);
    const served = serveDataset(db, bundledFiles(() => bundled), quiet);
    await served.ready();
    const update = await buildDataset([coop, makeIncident({ ...shop, id: 'example-shop-2026-01', disclosedOn: '2026-01-02' })]);
    const during = Promise.all([served.lookup('exampleshop.co.uk'), installDataset(db, update, { origin: 'signed', sequence: 2026010200, installedAt: '2026-01-02T00:00:00Z' }), served.lookup('exampleshop.co.uk')]);
    const [before, , meanwhile] = await during;
    for (const answer of [before, meanwhile]) expect([[shop.id], ['example-shop-2026-01']]).toContainEqual(ids(answer));
    await served.installed();
    expect(ids(await served.lookup('shop.coop.co.uk'))).toEqual([coop.id]);
    expect(ids(await served.lookup('exampleshop.co.uk'))).toEqual(['example-shop-2026-01']);
  });

  it('a bundled dataset that cannot be installed leaves lookups answering from what is installed', async () => {
    db = openDb(`s-${Math.random()}`);
    await installDataset(db, await buildDataset([coop]), { origin: 'bundled', sequence: 1, installedAt: '2026-01-01T00:00:00Z' });
    const errors: string[] = [];
    const served = serveDataset(db, async () => '{ not json', { info: () => undefined, error: (message) => errors.push(message) });
    expect(ids(await served.lookup('coop.co.uk'))).toEqual([coop.id]);
    expect(await served.ready()).toBe(false);
    expect(errors).toEqual(['[caveat] could not install the bundled dataset']);
  });
});
