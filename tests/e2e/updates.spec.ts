import type { Page } from '@playwright/test';
import { clickBannerButton, datasetReady, expect, expectNoBanner, openOptions, readBanner, serviceWorkerOf, setSettings, stopServiceWorker, tabIdOf, test, visit, waitForBanner } from './fixtures/extension';
import { installIdOf, type InstalledDataset } from '../../core/storage/db';
import { bundledDataset, NEW_INCIDENT, publish, serveUpdate, untrustedKey, UPDATE_URL } from './fixtures/updates';

const DURING_ATTACKS = '2025-05-02';

async function setUpdateUrl(options: Page): Promise<void> {
  await options.getByLabel('Update URL').fill(UPDATE_URL);
  await options.getByRole('button', { name: 'Save URL' }).click();
  await expect(options.getByRole('button', { name: 'Check now' })).toBeEnabled();
}

const statusLine = (options: Page) => options.locator('[data-result]');

test('a newer signed dataset is taken and its new incident warns on the retailer’s site; settings survive', async ({ context, extensionId, page, server }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS, alertWindowDays: 200 });
  const { dataset, sequence } = bundledDataset();
  const update = await publish([...dataset.incidents, NEW_INCIDENT], sequence + 1);
  serveUpdate(server, { manifestText: update.manifestText, datasetBytes: update.datasetText });

  const before = await visit(context, page, 'https://www.caveat-test-shop.co.uk/');
  expect(before.text).toBe('');

  const options = await openOptions(context, extensionId);
  await setUpdateUrl(options);
  await options.getByRole('button', { name: 'Check now' }).click();
  await expect(statusLine(options)).toHaveAttribute('data-result', 'updated');
  await expect(statusLine(options)).toContainText('1 incident added, 0 changed, 0 removed');
  await expect(options.getByRole('listitem').filter({ hasText: `Added: ${NEW_INCIDENT.id}` })).toBeVisible();
  await expect(options.getByRole('region', { name: 'Dataset', exact: true })).toContainText(`Signed update (sequence ${sequence + 1})`);
  await expect(options.getByLabel('Alert about incidents that changed within (days)')).toHaveValue('200');

  await visit(context, page, 'https://www.caveat-test-shop.co.uk/');
  const banner = await waitForBanner(page);
  expect(banner.text).toContain('Click & collect: suspended');

  // Checking again finds nothing new, and says so.
  await options.getByRole('button', { name: 'Check now' }).click();
  await expect(statusLine(options)).toHaveAttribute('data-result', 'up-to-date');
});

const refusals: [string, RegExp, () => Promise<{ manifestText: string; datasetBytes: string | Uint8Array }>][] = [
  [
    'a flipped byte',
    /does not match the hash in the signed manifest/,
    async () => {
      const { dataset, sequence } = bundledDataset();
      const update = await publish([...dataset.incidents, NEW_INCIDENT], sequence + 1);
      const bytes = new TextEncoder().encode(update.datasetText);
      bytes[bytes.length - 50] = bytes[bytes.length - 50]! ^ 0x01;
      return { manifestText: update.manifestText, datasetBytes: bytes };
    },
  ],
  [
    'a wrong key',
    /signed with key [0-9a-f]{16}, which this extension does not trust/,
    async () => {
      const { dataset, sequence } = bundledDataset();
      const update = await publish([...dataset.incidents, NEW_INCIDENT], sequence + 1, await untrustedKey());
      return { manifestText: update.manifestText, datasetBytes: update.datasetText };
    },
  ],
  [
    'an older sequence',
    /is not newer than the installed dataset/,
    async () => {
      const { dataset, sequence } = bundledDataset();
      const update = await publish([...dataset.incidents, NEW_INCIDENT], sequence - 1);
      return { manifestText: update.manifestText, datasetBytes: update.datasetText };
    },
  ],
  [
    'a truncated file',
    /the dataset is \d+ bytes; the manifest says \d+/,
    async () => {
      const { dataset, sequence } = bundledDataset();
      const update = await publish([...dataset.incidents, NEW_INCIDENT], sequence + 1);
      return { manifestText: update.manifestText, datasetBytes: update.datasetText.slice(0, update.datasetText.length / 2) };
    },
  ],
  [
    'an oversized file',
    /is larger than the \d+ bytes expected/,
    async () => {
      const { dataset, sequence } = bundledDataset();
      const update = await publish([...dataset.incidents, NEW_INCIDENT], sequence + 1);
      return { manifestText: update.manifestText, datasetBytes: `${update.datasetText}${' '.repeat(4096)}` };
    },
  ],
];

for (const [name, message, make] of refusals) {
  test(`${name} is refused with its reason shown, and the old data is still served`, async ({ context, extensionId, page, server }) => {
    await setSettings(context, { todayOverride: DURING_ATTACKS });
    serveUpdate(server, await make());
    const options = await openOptions(context, extensionId);
    await setUpdateUrl(options);
    await options.getByRole('button', { name: 'Check now' }).click();
    await expect(statusLine(options)).toHaveAttribute('data-result', 'refused');
    await expect(statusLine(options)).toContainText(message);
    await expect(statusLine(options)).toContainText('The installed dataset is still in use.');
    await expect(options.getByRole('region', { name: 'Dataset', exact: true })).toContainText('Bundled with the extension');

    expect((await visit(context, page, 'https://www.caveat-test-shop.co.uk/')).text).toBe('');
    await visit(context, page, 'https://www.marksandspencer.com/');
    await waitForBanner(page);
  });
}

test('importing a signed file from the options page', async ({ context, extensionId }) => {
  const { dataset, sequence } = bundledDataset();
  const update = await publish([...dataset.incidents, NEW_INCIDENT], sequence + 5);
  const options = await openOptions(context, extensionId);
  await options.getByLabel('Import a signed dataset file').setInputFiles({ name: 'caveat-dataset.signed.json', mimeType: 'application/json', buffer: Buffer.from(update.signedFileText) });
  await expect(statusLine(options)).toHaveAttribute('data-result', 'updated');
  await expect(statusLine(options)).toContainText(/^Last import: /);
  await expect(options.getByRole('region', { name: 'Dataset', exact: true })).toContainText(`Signed update (sequence ${sequence + 5})`);
});

test('a dismissed incident alerts again after an update changes it', async ({ context, extensionId, page, server }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  await visit(context, page, 'https://www.marksandspencer.com/');
  await waitForBanner(page);
  await clickBannerButton(page, 'Dismiss');
  await expect.poll(() => readBanner(page)).toBeNull();
  await visit(context, page, 'https://www.marksandspencer.com/');
  await expectNoBanner(context, page);

  const { dataset, sequence } = bundledDataset();
  const changed = dataset.incidents.map((i) =>
    i.id === 'marks-and-spencer-2025-04' ? { ...i, timeline: [...i.timeline, { date: DURING_ATTACKS, event: 'A test update: new advice for customers.' }].sort((x, y) => x.date.localeCompare(y.date)) } : i,
  );
  const update = await publish(changed, sequence + 1);
  serveUpdate(server, { manifestText: update.manifestText, datasetBytes: update.datasetText });
  const options = await openOptions(context, extensionId);
  await setUpdateUrl(options);
  await options.getByRole('button', { name: 'Check now' }).click();
  await expect(statusLine(options)).toContainText('0 incidents added, 1 changed, 0 removed');

  await visit(context, page, 'https://www.marksandspencer.com/');
  await waitForBanner(page);
  // The popup says what is new since the dismissal.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(context, page)}`);
  const since = popup.locator('.changes-since');
  await expect(since.getByRole('heading', { name: 'New since you dismissed it' })).toBeVisible();
  await expect(since).toContainText('A test update: new advice for customers.');
});

test('a service worker stopped during an update leaves a working, consistent extension', async ({ context, extensionId, page, server }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  const { dataset, sequence } = bundledDataset();
  // A large update (about 15,000 incidents: the bundled data many times over, under new ids, well
  // under the size limit) so there is time to stop the worker mid-way.
  const copies = Array.from({ length: Math.ceil(15_000 / dataset.incidents.length) }, (_, n) => dataset.incidents.map((i) => ({ ...i, id: `${i.id}-copy-${n}`, domains: [], related: [] }))).flat();
  const update = await publish([...dataset.incidents, NEW_INCIDENT, ...copies], sequence + 1);
  serveUpdate(server, { manifestText: update.manifestText, datasetBytes: update.datasetText });
  const options = await openOptions(context, extensionId);
  await setUpdateUrl(options);

  await options.getByRole('button', { name: 'Check now' }).click();
  await expect(options.getByText(/Checking every incident|Installing|Downloading/)).toBeVisible();
  await stopServiceWorker(context, options);

  // Whatever moment it was stopped at, the next start (woken by a navigation) serves one whole dataset.
  await page.goto('https://www.marksandspencer.com/');
  await datasetReady(context);
  const sw = await serviceWorkerOf(context);
  const consistent = await sw.evaluate(
    () =>
      new Promise<{ meta: number; rows: number; installed: InstalledDataset; indexOf: string }>((resolve, reject) => {
        const open = indexedDB.open('caveat');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['meta', 'chunks', 'domainIndex']);
          const meta = tx.objectStore('meta').get('dataset');
          const chunks = tx.objectStore('chunks').getAll();
          const index = tx.objectStore('domainIndex').get('domains');
          tx.oncomplete = () =>
            resolve({
              meta: meta.result.counts.incidents as number,
              rows: (chunks.result as { incidents: unknown[] }[]).reduce((sum, c) => sum + c.incidents.length, 0),
              installed: meta.result as InstalledDataset,
              indexOf: (index.result as { installId: string }).installId,
            });
        };
      }),
  );
  expect(consistent.rows).toBe(consistent.meta);
  // The domain index the worker reads belongs to the same install as the chunks.
  expect(consistent.indexOf).toBe(installIdOf(consistent.installed));
  expect([dataset.incidents.length, dataset.incidents.length + 1 + copies.length]).toContain(consistent.rows);
  await visit(context, page, 'https://www.marksandspencer.com/');
  await waitForBanner(page);
});
