/**
 * The whole update path on this machine (issue 15): `refresh` from recorded responses of every
 * live source (a local server stands in for them, with one new HIBP breach at a shop) → the review
 * report → `publish` with the test key → the feed served over https from a local static server →
 * an extension built with that feed as its update URL takes the update and shows the new
 * incident's banner on the shop's site. The commands run as the workflows run them
 * (`npm run dataset -- …`, i.e. tsx tools/cli/main.ts), in a copy of data/.
 */
import { test as base, expect, type BrowserContext } from '@playwright/test';
import { execFile } from 'node:child_process';
import { chmod, copyFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startFeedServer, type FeedServer } from '../unit/helpers/feed-server';
import { endpointArgs, RECORDED, serveRecordings } from '../unit/helpers/recorded-feeds';
import { datasetReady, launchBrowser, openOptions, readBanner, serviceWorkerOf, visit, waitForBanner } from './fixtures/extension';
import { startRetailServer, type RetailServer } from './fixtures/retail-server';

const run = promisify(execFile);
const FEED_URL = 'https://feed.caveat.test/caveat/manifest.json';
const SHOP = 'https://www.caveat-test-shop.co.uk/';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** A breach HIBP would list: a shop's site, verified, added two days ago. */
const NEW_BREACH = {
  Name: 'CaveatTestShop',
  Title: 'Caveat Test Shop',
  Domain: 'caveat-test-shop.co.uk',
  BreachDate: day(-12),
  AddedDate: `${day(-2)}T08:00:00Z`,
  ModifiedDate: `${day(-2)}T08:00:00Z`,
  PwnCount: 120_000,
  Description: 'The online shop Caveat Test Shop suffered a data breach that exposed customers’ email addresses and order histories.',
  LogoPath: 'https://logos.haveibeenpwned.com/List.png',
  Attribution: null,
  DisclosureUrl: null,
  DataClasses: ['Email addresses', 'Names', 'Purchases'],
  IsVerified: true,
  IsFabricated: false,
  IsSensitive: false,
  IsRetired: false,
  IsSpamList: false,
  IsMalware: false,
  IsSubscriptionFree: false,
  IsStealerLog: false,
};

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no per-test fixtures, only worker-scoped ones
const test = base.extend<{}, { work: string; feedServer: FeedServer; staticServer: RetailServer; build: string }>({
  work: [
    async ({}, use) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'caveat-pipeline-'));
      await use(dir);
      await rm(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  feedServer: [
    async ({}, use) => {
      const server = await startFeedServer();
      serveRecordings(server, { hibp: JSON.stringify([...JSON.parse(RECORDED.hibp()), NEW_BREACH]) });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  staticServer: [
    async ({}, use) => {
      const server = await startRetailServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  /** The extension as a release would build it, but trusting the test key and with the local feed's URL. */
  build: [
    async ({ work }, use) => {
      const outDir = path.join(work, 'build');
      await run('npx', ['wxt', 'build'], { env: { ...process.env, CAVEAT_OUT_DIR: outDir, WXT_UPDATE_URL: FEED_URL, CAVEAT_TRUSTED_KEYS: 'tests/fixtures/keys/trusted-keys.test.json' } });
      await use(path.join(outDir, 'chrome-mv3'));
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

const dataset = (...args: string[]) => run('npx', ['tsx', 'tools/cli/main.ts', ...args], { maxBuffer: 16 * 1024 * 1024 });

test('refresh → review report → publish → https feed → an installed extension takes the update and warns on the shop’s site', async ({ work, feedServer, staticServer, build }) => {
  test.setTimeout(300_000);
  const data = path.join(work, 'data');
  await cp('data', data, { recursive: true });

  // 1. Refresh from the recorded responses.
  const refreshed = await dataset('refresh', '--contact', 'tests@caveat.invalid', '--data', data, '--cache', path.join(work, 'cache'), '--report', path.join(work, 'report.md'), '--polite-ms', '0', ...endpointArgs(feedServer));
  expect(refreshed.stderr).toMatch(/\[1\/7\] hibp: 10 records \(1 request: fetched\)/);
  expect(await readdir(path.join(data, 'imported'))).toContain(`caveat-test-shop-${day(-12).slice(0, 7)}.json`);

  // 2. The review report names it, and the site that gains a banner.
  const report = await readFile(path.join(work, 'report.md'), 'utf8');
  expect(report).toMatch(/- caveat-test-shop\.co\.uk: new banner for \*\*Caveat Test Shop\*\*: Caveat Test Shop data breach/);

  // 3. Publish with the test key (a private copy: publish refuses a key others can read).
  const key = path.join(work, 'signing.jwk');
  await copyFile('tests/fixtures/keys/test-signing-key.private.jwk', key);
  await chmod(key, 0o600);
  const feed = path.join(work, 'feed');
  await dataset('publish', '--out', feed, '--key', key, '--data', data);
  await dataset('verify-feed', feed, '--keys', 'tests/fixtures/keys/trusted-keys.test.json');

  // 4. The feed folder, served as it is over https at the build's update URL.
  for (const name of await readdir(feed)) {
    if (name.startsWith('.')) continue;
    staticServer.routes.set(`feed.caveat.test /caveat/${name}`, { body: await readFile(path.join(feed, name)), type: name.endsWith('.html') ? 'text/html' : 'application/json' });
  }

  // 5. The extension built with that URL: no update yet, so no banner on the shop.
  const profile = await mkdtemp(path.join(tmpdir(), 'caveat-profile-'));
  let context: BrowserContext | undefined;
  try {
    context = await launchBrowser(profile, staticServer.port, { extension: build });
    await datasetReady(context);
    const sw = await serviceWorkerOf(context);
    const extensionId = new URL(sw.url()).host;
    const page = context.pages()[0] ?? (await context.newPage());
    expect((await visit(context, page, SHOP)).text).toBe('');
    expect(await readBanner(page)).toBeNull();
    // Built with the feed's URL: the daily check is scheduled without anyone setting anything.
    await expect.poll(() => sw.evaluate(async () => (await chrome.alarms.getAll()).map((a) => a.name))).toContain('caveat-dataset-update');

    // 6. "Check now" (the alarm's first run is a minute away) takes the signed update.
    const options = await openOptions(context, extensionId);
    await expect(options.getByLabel('Update URL')).toHaveAttribute('placeholder', FEED_URL);
    await options.getByRole('button', { name: 'Check now' }).click();
    await expect(options.locator('[data-result]')).toHaveAttribute('data-result', 'updated');
    await expect(options.locator('[data-result]')).toContainText(/\d+ incidents? added/);
    expect(staticServer.requests).toEqual(expect.arrayContaining(['feed.caveat.test /caveat/manifest.json', 'feed.caveat.test /caveat/dataset.json']));

    // 7. The new incident's banner on the shop's own site.
    await visit(context, page, SHOP);
    const banner = await waitForBanner(page);
    expect(banner.text).toContain('Caveat Test Shop data breach');
  } finally {
    await context?.close();
    await rm(profile, { recursive: true, force: true });
  }
});
