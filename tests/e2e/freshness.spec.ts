/**
 * Freshness a person can see, and the update-trust lifecycle where a person sees it (issues 13
 * and 15): how old the data is in the popup and options, a plain warning past 30 days with
 * "check for an update now", an expired manifest refused and called stale, a redirect refused,
 * and an update whose key a release no longer trusts replaced by the bundled dataset.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { publishDataset } from '../../tools/publish/publish';
import { buildDataset } from '../../core/model/dataset';
import { expect, openOptions, openPopup, serviceWorkerOf, setSettings, stopServiceWorker, test, visit, waitForBanner } from './fixtures/extension';
import { bundledDataset, NEW_INCIDENT, publish, serveUpdate, TEST_KEY, UPDATE_URL } from './fixtures/updates';

/** A day well past 30 days after the bundled data date, and the bundled data date itself. */
function days(from: string, n: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const { dataset: bundled, sequence } = bundledDataset();
const STALE_DAY = days(bundled.dataAsOf, 45);

/** The bundled data plus one incident changed the day before STALE_DAY: an update that makes the data fresh again. */
async function freshUpdate() {
  const fresh = { ...NEW_INCIDENT, status: 'ongoing' as const, disclosedOn: days(STALE_DAY, -1), updatedOn: days(STALE_DAY, -1), services: [{ service: 'click-and-collect' as const, state: 'suspended' as const, since: days(STALE_DAY, -1) }] };
  return publish([...bundled.incidents, fresh], sequence + 1);
}

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const datasetRegion = (options: Page) => options.getByRole('region', { name: 'Dataset', exact: true });

test('options and the popup say how old the data is; fresh data carries no warning', async ({ context, extensionId, page }) => {
  await setSettings(context, { todayOverride: days(bundled.dataAsOf, 3) });
  const options = await openOptions(context, extensionId);
  await expect(datasetRegion(options)).toContainText('Last change to the data: 3 days ago.');
  await expect(datasetRegion(options)).not.toContainText('more than 30 days old');
  await visit(context, page, 'https://www.example-no-incidents.test/');
  const popup = await openPopup(context, extensionId, page);
  await expect(popup.getByText('Last change to the data: 3 days ago.')).toBeVisible();
  await expect(popup.getByText(/more than 30 days old/)).toHaveCount(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`past 30 days options says so plainly, and without an update source where data comes from; axe-clean (${scheme})`, async ({ context, extensionId }) => {
    await setSettings(context, { todayOverride: STALE_DAY });
    const options = await openOptions(context, extensionId);
    await options.emulateMedia({ colorScheme: scheme });
    await expect(datasetRegion(options)).toContainText('Last change to the data: 45 days ago.');
    await expect(datasetRegion(options)).toContainText('This data is more than 30 days old, so recent incidents may be missing.');
    await expect(datasetRegion(options)).toContainText('No update source is set: new data comes with new versions of Caveat.');
    await expect(options.getByRole('button', { name: 'Check for an update now' })).toHaveCount(0);
    expect(await axe(options)).toEqual([]);
  });

  test(`past 30 days the popup says so plainly; axe-clean (${scheme})`, async ({ context, extensionId, page }) => {
    await setSettings(context, { todayOverride: STALE_DAY });
    await visit(context, page, 'https://www.example-no-incidents.test/');
    const popup = await openPopup(context, extensionId, page);
    await popup.emulateMedia({ colorScheme: scheme });
    await expect(popup.getByText('Last change to the data: 45 days ago.')).toBeVisible();
    await expect(popup.getByText('This data is more than 30 days old, so recent incidents may be missing.')).toBeVisible();
    await expect(popup.getByText('No update source is set: new data comes with new versions of Caveat.')).toBeVisible();
    expect(await axe(popup)).toEqual([]);
  });
}

test('"check for an update now" in the popup takes a fresh signed dataset, and the warning goes', async ({ context, extensionId, page, server }) => {
  await setSettings(context, { todayOverride: STALE_DAY, updateUrl: UPDATE_URL });
  const update = await freshUpdate();
  serveUpdate(server, { manifestText: update.manifestText, datasetBytes: update.datasetText });
  await visit(context, page, 'https://www.caveat-test-shop.co.uk/');
  const popup = await openPopup(context, extensionId, page);
  await popup.getByRole('button', { name: 'Check for an update now' }).click();
  await expect(popup.getByRole('status').filter({ hasText: /^Updated to dataset / })).toContainText('1 incident added, 0 changed, 0 removed');
  await expect(popup.getByText('Last change to the data: 1 day ago.')).toBeVisible();
  await expect(popup.getByText(/more than 30 days old/)).toHaveCount(0);
  // The popup's own site report follows: the new incident at this shop is listed.
  await expect(popup.getByRole('region', { name: 'Incidents at caveat-test-shop.co.uk' })).toContainText(NEW_INCIDENT.title);
});

test('the same button in options; a stale check that finds nothing new keeps saying so', async ({ context, extensionId, server }) => {
  await setSettings(context, { todayOverride: STALE_DAY, updateUrl: UPDATE_URL });
  // The feed has nothing newer than what is installed.
  const same = await publish(bundled.incidents, sequence);
  serveUpdate(server, { manifestText: same.manifestText, datasetBytes: same.datasetText });
  const options = await openOptions(context, extensionId);
  await options.getByRole('button', { name: 'Check for an update now' }).click();
  await expect(options.locator('[data-result]')).toHaveAttribute('data-result', 'up-to-date');
  await expect(datasetRegion(options)).toContainText('This data is more than 30 days old');
});

test('an expired manifest is refused with its reason, and options says the data may be stale', async ({ context, extensionId, server }) => {
  await setSettings(context, { updateUrl: UPDATE_URL });
  // Signed 40 days ago, valid for 30: what a frozen mirror would still be serving.
  const old = await publishDataset(await buildDataset([...bundled.incidents, NEW_INCIDENT]), TEST_KEY, sequence + 1, new Date(Date.now() - 40 * 86_400_000));
  serveUpdate(server, { manifestText: old.manifestText, datasetBytes: old.datasetText });
  const options = await openOptions(context, extensionId);
  await options.getByRole('button', { name: 'Check now' }).click();
  await expect(options.locator('[data-result]')).toHaveAttribute('data-result', 'refused');
  await expect(options.locator('[data-result]')).toContainText(/the manifest expired on \d{4}-\d{2}-\d{2}; the update server is not being kept up to date, so the installed data may be stale/);
  await expect(datasetRegion(options)).toContainText('The update server offered an expired update, so Caveat cannot confirm this data is current: it may be stale.');
  await expect(datasetRegion(options)).toContainText('Bundled with the extension');
});

test('an update URL that redirects is refused, not followed', async ({ context, extensionId, server }) => {
  await setSettings(context, { updateUrl: UPDATE_URL });
  const update = await publish([...bundled.incidents, NEW_INCIDENT], sequence + 1);
  serveUpdate(server, { manifestText: update.manifestText, datasetBytes: update.datasetText });
  server.routes.set('updates.caveat.test /v1/manifest.json', { body: '', type: 'text/plain', status: 302, headers: { location: 'https://elsewhere.caveat.test/manifest.json' } });
  const options = await openOptions(context, extensionId);
  await options.getByRole('button', { name: 'Check now' }).click();
  await expect(options.locator('[data-result]')).toContainText('redirected elsewhere; updates are only taken from the update URL itself');
  expect(server.requests.filter((r) => r.startsWith('elsewhere.caveat.test'))).toEqual([]);
});

/** The installed dataset's record, read from an extension page (the worker may be stopped). */
async function installedMeta(page: Page): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const open = indexedDB.open('caveat');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('dataset');
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result as Record<string, unknown> | undefined);
          };
        };
      }),
  );
}

/**
 * Stands for "a new release that no longer trusts the key": the installed update's recorded key is
 * changed to one this build does not trust (the build's trusted keys are fixed at build time).
 */
async function recordUntrustedKey(context: BrowserContext): Promise<void> {
  const sw = await serviceWorkerOf(context);
  await sw.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('caveat');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          const store = tx.objectStore('meta');
          const get = store.get('dataset');
          get.onsuccess = () => store.put({ ...get.result, keyId: 'aaaaaaaaaaaaaaaa' });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
  );
}

test('an update signed by a key the release no longer trusts is replaced by the bundled dataset at the next start, and options says so', async ({ context, extensionId, page, server }) => {
  await setSettings(context, { todayOverride: '2025-05-02', alertWindowDays: 200, updateUrl: UPDATE_URL });
  const update = await publish([...bundled.incidents, NEW_INCIDENT], sequence + 1);
  serveUpdate(server, { manifestText: update.manifestText, datasetBytes: update.datasetText });
  const options = await openOptions(context, extensionId);
  await options.getByRole('button', { name: 'Check now' }).click();
  await expect(options.locator('[data-result]')).toHaveAttribute('data-result', 'updated');
  expect(await installedMeta(options)).toMatchObject({ origin: 'signed', sequence: sequence + 1, keyId: '5d3daa233f0da64d' });
  await visit(context, page, 'https://www.caveat-test-shop.co.uk/');
  await waitForBanner(page);

  await recordUntrustedKey(context);
  await stopServiceWorker(context, options);
  // The next start (woken by a navigation) checks the installed dataset's key.
  await page.goto('https://www.caveat-test-shop.co.uk/');
  await expect.poll(async () => (await installedMeta(options))?.origin).toBe('bundled');
  expect(await installedMeta(options)).toMatchObject({ sequence, replacedUntrusted: { keyId: 'aaaaaaaaaaaaaaaa', sequence: sequence + 1, version: update.manifest.version } });
  await options.reload();
  await expect(datasetRegion(options)).toContainText(
    `The update installed before (dataset ${update.manifest.version}, sequence ${sequence + 1}) was signed with a key this version of Caveat no longer trusts, so the dataset that came with Caveat was reinstalled.`,
  );
  // Its incident is gone from the shop's page.
  const badge = await visit(context, page, 'https://www.caveat-test-shop.co.uk/');
  expect(badge.text).toBe('');
});
