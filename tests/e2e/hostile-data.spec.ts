/**
 * Hostile data: an incident full of markup, script and `javascript:` links, planted straight into
 * the installed database (as if validation had been bypassed), must render as inert text in the
 * banner, the popup and the options page. Validation refusing such data is proven in
 * tests/unit/security/hostile-data.test.ts. Claims: SECURITY.md, "Hostile data".
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import type { Incident } from '../../core/model/schema';
import { installRows, rowsText } from './fixtures/install-rows';
import { bundledDataset } from './fixtures/updates';
import { bannerShadowElements, clickBannerButton, expect, serviceWorkerOf, setSettings, stopServiceWorker, tabIdOf, test, visit, waitForBanner } from './fixtures/extension';

const DURING_ATTACKS = '2025-05-02';
const IMG = `<img src=x onerror="document.title='pwned'">`;
const SCRIPT = `<script>document.title='pwned'</script>`;
const JS_URL = `javascript:document.title='pwned'`;

function hostileIncident(): Record<string, unknown> {
  const base = JSON.parse(readFileSync('data/incidents/marks-and-spencer-2025-04.json', 'utf8')) as Record<string, unknown>;
  return {
    ...base,
    id: 'hostile-data-2025-04',
    organisation: `Hostile ${IMG} Ltd`,
    title: `Evil ${SCRIPT} title ${IMG}`,
    brands: [IMG],
    domains: ['hostile-data.co.uk'],
    status: 'ongoing',
    resolvedOn: undefined,
    updatedOn: '2025-05-01',
    summary: `Summary ${IMG} ${SCRIPT} <a href="${JS_URL}">click me</a>`,
    services: [{ service: 'online-orders', state: 'suspended', since: '2025-04-25', note: `<iframe src="${JS_URL}"></iframe>` }],
    dataExposed: [{ dataClass: `<svg onload="document.title='pwned'">`, confirmed: true }],
    actors: [{ name: `<b onmouseover="document.title='pwned'">Actor</b>`, basis: 'claimed' }],
    advice: [`Advice ${IMG}`],
    timeline: [{ date: '2025-04-25', event: `Event ${SCRIPT}` }],
    related: [],
    sources: [
      { url: JS_URL, publisher: `Publisher ${IMG}`, title: `<a href="${JS_URL}">Source</a>` },
      { url: 'data:text/html,<script>alert(1)</script>', publisher: 'Data URL' },
      { url: 'https://news.example/hostile', publisher: 'Fine publisher' },
    ],
  };
}

/**
 * Installs the bundled dataset plus the incident straight into the extension's IndexedDB, as
 * `installDataset` lays it out but without validation, then stops the service worker so it
 * reads the new domain index when the next page wakes it.
 */
async function plant(context: BrowserContext, incident: Record<string, unknown>): Promise<void> {
  const sw = await serviceWorkerOf(context);
  const incidents = [...bundledDataset().dataset.incidents, incident as unknown as Incident];
  await sw.evaluate(installRows, { text: rowsText(incidents, 'hostile-planted') });
  const helper = await context.newPage();
  await stopServiceWorker(context, helper);
  await helper.close();
}

/** What a successful injection would leave behind in an extension page. */
async function expectInert(page: Page, title: string): Promise<void> {
  const found = await page.evaluate(() => ({
    title: document.title,
    injected: document.querySelectorAll('img, iframe, svg, object, embed, script:not([src]), b[onmouseover], [onerror], [onload]').length,
    hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
  }));
  expect(found.title).toBe(title);
  expect(found.injected).toBe(0);
  for (const href of found.hrefs) expect(href).toMatch(/^(https:\/\/|#|\?|$)/);
}

test('a hostile incident renders as inert text in the banner; only https links', async ({ context, page }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  await plant(context, hostileIncident());
  await visit(context, page, 'https://www.hostile-data.co.uk/');
  const banner = await waitForBanner(page);
  expect(banner.name).toContain(`Hostile ${IMG} Ltd`);
  expect(banner.text).toContain(`Evil ${SCRIPT} title ${IMG}`);
  await clickBannerButton(page, 'Details');
  await expect.poll(async () => (await waitForBanner(page)).text).toContain(`Summary ${IMG}`);
  const text = (await waitForBanner(page)).text;
  expect(text).toContain(`Advice ${IMG}`);
  expect(text).toContain(`<svg onload=`);
  const elements = await bannerShadowElements(page);
  const names = new Set(elements.map((e) => e.nodeName));
  for (const bad of ['img', 'script', 'iframe', 'svg', 'object', 'embed']) expect(names.has(bad)).toBe(false);
  for (const element of elements) {
    for (const attribute of Object.keys(element.attributes)) expect(attribute).not.toMatch(/^on/);
  }
  const links = elements.filter((e) => e.nodeName === 'a');
  expect(links.length).toBe(3); // three sources, one link each…
  expect(links.map((a) => a.attributes.href ?? null)).toEqual([null, null, 'https://news.example/hostile']); // …only the https one has an href
  for (const link of links) expect(link.attributes.rel).toBe('noopener noreferrer');
  expect(await page.title()).toBe('hostile-data.co.uk');
});

test('a hostile incident renders as inert text in the popup, on its site and in search', async ({ context, extensionId, page }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  await plant(context, hostileIncident());
  await visit(context, page, 'https://www.hostile-data.co.uk/');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(context, page)}`);
  await expect(popup.locator('body[data-ready="true"]')).toBeAttached();
  const title = await popup.title();
  const card = popup.getByRole('region', { name: 'Incidents at hostile-data.co.uk' }).getByRole('article').first();
  await expect(card).toContainText(`Evil ${SCRIPT} title ${IMG}`);
  await card.getByText('Who, when and sources').click();
  await expect(card).toContainText(`Event ${SCRIPT}`);
  await expect(card).toContainText(`Publisher ${IMG}`);
  await popup.getByRole('searchbox').fill('Hostile');
  const result = popup.getByRole('list', { name: 'Search results' }).locator('[data-incident="hostile-data-2025-04"]');
  await expect(result).toBeVisible();
  await result.locator(':scope > summary').click();
  await expect(result).toContainText(`Summary ${IMG}`);
  await expectInert(popup, title);
});

test('hostile strings in stored settings and dataset metadata render as inert text in the options page', async ({ context, extensionId }) => {
  const sw = await serviceWorkerOf(context);
  await sw.evaluate(
    async ({ img }) => {
      await chrome.storage.local.set({ mutedSites: [`${img}.example`] });
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('caveat');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('meta', 'readwrite').objectStore('meta');
          const get = store.get('dataset');
          get.onsuccess = () => {
            store.put({ ...get.result, version: `v${img}` });
            store.transaction.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        };
      });
    },
    { img: IMG },
  );
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.locator('body[data-ready="true"]')).toBeAttached();
  const title = await options.title();
  await expect(options.getByText(`${IMG}.example`)).toBeVisible();
  await expectInert(options, title);
});
