/**
 * Faults: the service worker stopped (as Chromium does after 30 s idle), the database closed
 * underneath a running worker, and a lookup arriving before the dataset is installed. Every
 * tab must still get the right badge and banner. Claims: SECURITY.md, "Faults".
 */
import type { BrowserContext, Page } from '@playwright/test';
import { badgeFrom, decided, expect, expectNoBanner, extensionIdOf, serviceWorkerOf, setSettings, stopServiceWorker, test, visit, waitForBanner } from './fixtures/extension';

const DURING_ATTACKS = '2025-05-02';

/** An extension page to read badges from while the worker is stopped or restarting. */
async function extensionPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionIdOf(context)}/popup.html`);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  return page;
}

/** Waits until Caveat has decided about the page `tab` shows (read through `reader`, as the worker may be restarting), and returns the badge. */
async function decidedBadge(context: BrowserContext, tab: Page, reader: Page) {
  await decided(context, tab, reader);
  return badgeFrom(reader, tab.url());
}

async function installedAt(helper: Page): Promise<string | null> {
  return helper.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const open = indexedDB.open('caveat');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('meta')) return resolve(null);
          const get = db.transaction('meta').objectStore('meta').get('dataset');
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { installedAt?: string } | undefined)?.installedAt ?? null);
          };
        };
        open.onerror = () => resolve(null);
      }),
  );
}

test('with the service worker stopped, 20 tabs opened at once each get the right badge and banner', async ({ context, page }) => {
  test.setTimeout(90_000);
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  const helper = await extensionPage(context);
  await stopServiceWorker(context, page);

  const expected = [
    ...Array.from({ length: 5 }, (_, i) => ({ url: `https://www.marksandspencer.com/p${i}`, badge: '1', banner: 'Marks and Spencer' })),
    ...Array.from({ length: 5 }, (_, i) => ({ url: `http://shop.coop.co.uk/p${i}`, badge: '1', banner: 'Co-op' })),
    ...Array.from({ length: 5 }, (_, i) => ({ url: `https://www.target.com/p${i}`, badge: '1', banner: null })),
    ...Array.from({ length: 5 }, (_, i) => ({ url: `https://shop${i}.no-incidents.example/`, badge: '', banner: null })),
  ];
  const tabs = await Promise.all(
    expected.map(async (want) => {
      const tab = await context.newPage();
      await tab.goto(want.url);
      return { tab, want };
    }),
  );
  for (const { tab, want } of tabs) {
    const badge = await decidedBadge(context, tab, helper);
    expect(badge.text, `${want.url}: ${JSON.stringify(badge)}`).toBe(want.badge);
    if (want.banner) expect((await waitForBanner(tab)).name, want.url).toContain(want.banner);
    else await expectNoBanner(context, tab, helper);
  }
});

test('the database closed underneath a running worker is reopened and answers', async ({ context, page }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  await visit(context, page, 'https://www.marksandspencer.com/');
  await waitForBanner(page);
  // Another connection asks for a version change: it succeeds only once the worker's connection
  // has closed (until then it is "blocked"), so success means the worker's database is closed.
  const sw = await serviceWorkerOf(context);
  const outcome = await sw.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const probe = indexedDB.open('caveat');
        probe.onsuccess = () => {
          const version = probe.result.version;
          probe.result.close();
          const bump = indexedDB.open('caveat', version + 1);
          bump.onerror = () => resolve(`error ${bump.error?.name}`);
          bump.onsuccess = () => {
            bump.result.close();
            resolve('closed underneath');
          };
        };
      }),
  );
  expect(outcome).toBe('closed underneath');
  const badge = await visit(context, page, 'https://www.marksandspencer.com/food');
  expect(badge.text).toBe('1');
  expect((await waitForBanner(page)).name).toContain('Marks and Spencer');
  const other = await visit(context, page, 'https://shop.coop.co.uk/');
  expect(other.text).toBe('1');
});

test('a lookup that arrives before the dataset is installed waits for it', async ({ context, page, extensionId }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  const helper = await extensionPage(context);
  const before = await installedAt(helper);
  expect(before).not.toBeNull();
  await helper.close();
  // Stop the worker and wipe its database: the next navigation wakes a worker with no dataset,
  // whose first lookup (on commit) necessarily comes before the install finishes.
  await stopServiceWorker(context, page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: `chrome-extension://${extensionId}`, storageTypes: 'indexeddb' });
  await cdp.detach();
  await page.goto('https://www.marksandspencer.com/');
  const reader = await extensionPage(context);
  const badge = await decidedBadge(context, page, reader);
  expect(badge.text).toBe('1');
  expect((await waitForBanner(page)).name).toContain('Marks and Spencer');
  // The dataset really was installed again after the wipe.
  const after = await installedAt(reader);
  expect(after).not.toBeNull();
  expect(after).not.toBe(before);
});
