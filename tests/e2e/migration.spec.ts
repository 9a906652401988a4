/**
 * An installed copy whose database predates the chunked layout (version 3: one row per incident)
 * moves to it on its next start, keeping the dataset it had: here a signed update, newer than the
 * bundled one, which must stay installed and keep answering. The same path on fake-indexeddb:
 * tests/unit/db.test.ts.
 */
import type { Page } from '@playwright/test';
import { makeIncident } from '../unit/helpers/incident';
import { badgeFrom, expect, extensionIdOf, stopServiceWorker, test } from './fixtures/extension';

const SHOP = 'https://www.migrated-shop.example/';

/** Puts a version-3 database (Dexie version 3 is IndexedDB version 30) in place of the current one. */
async function plantVersion3(helper: Page, incident: object): Promise<void> {
  await helper.evaluate(async (record) => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase('caveat');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('the database is still open somewhere'));
    });
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('caveat', 30);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('incidents', { keyPath: 'id' }).createIndex('domains', 'domains', { multiEntry: true });
        open.result.createObjectStore('meta', { keyPath: 'key' });
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['incidents', 'meta'], 'readwrite');
      tx.objectStore('incidents').put(record);
      tx.objectStore('meta').put({
        key: 'dataset',
        version: 'signed-before-the-upgrade',
        dataAsOf: '2026-11-01',
        contentHash: 'e'.repeat(64),
        counts: { incidents: 1, domains: 1 },
        origin: 'signed',
        sequence: 9_999_999_999,
        installedAt: '2026-11-02T00:00:00Z',
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, incident);
}

test('a version-3 database moves to the chunked layout on the next start and keeps its signed dataset', async ({ context, page }) => {
  // A page of the extension's origin that opens no database of its own.
  const helper = await context.newPage();
  await helper.goto(`chrome-extension://${await extensionIdOf(context)}/dataset.version.json`);
  await stopServiceWorker(context, page);
  await plantVersion3(helper, makeIncident({ id: 'migrated-shop-2025-04', organisation: 'Migrated Shop', domains: ['migrated-shop.example'] }));

  // The navigation wakes the worker, which opens (and so upgrades) the database, then answers.
  await page.goto(SHOP);
  await expect.poll(async () => (await badgeFrom(helper, SHOP)).title).toBe('Caveat: 1 known incident at migrated-shop.example');
  expect((await badgeFrom(helper, SHOP)).text).toBe('1');

  const after = await helper.evaluate(
    () =>
      new Promise<{ version: number; stores: string[]; origin: string; dataset: string }>((resolve, reject) => {
        const open = indexedDB.open('caveat');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('meta').objectStore('meta').get('dataset');
          get.onsuccess = () => {
            resolve({ version: db.version, stores: [...db.objectStoreNames].sort(), origin: get.result.origin, dataset: get.result.version });
            db.close();
          };
        };
      }),
  );
  expect(after).toEqual({ version: 60, stores: ['chunks', 'domainIndex', 'meta'], origin: 'signed', dataset: 'signed-before-the-upgrade' });
});
