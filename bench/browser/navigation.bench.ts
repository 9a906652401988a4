/**
 * The headline of `npm run bench`: navigation → badge, the delay a person lives with, measured on
 * the real path in Debian's Chromium. A tab on a retailer with an incident is navigated from an
 * extension page, which times from the page's commit (webNavigation.onCommitted, seen by the
 * measuring page itself) to the badge text being set for that tab. Warm: the service worker is
 * running. Cold: it was stopped just before (as after 30 s idle), so the figure includes starting
 * it, loading the code and the first lookup.
 *
 * Baseline, in the same run and interleaved round by round: an extension whose worker sets a
 * constant badge on commit with no lookup (bench/fixtures/badge-extension). Its figure is the
 * browser's own floor (event dispatch, worker start, the badge call, this page's polling); Caveat's
 * cost is the difference, and the budget (warm ≤ 5 ms, cold ≤ 50 ms) applies to that difference.
 * Each navigation goes to another retailer, so every one reads the chunk holding its incidents.
 * Results go to bench/results/navigation.json; bench/summary.ts prints them.
 */
import { test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { datasetReady, extensionIdOf, launchBrowser, serviceWorkerOf, stopServiceWorker } from '../../tests/e2e/fixtures/extension';
import { startRetailServer, type RetailServer } from '../../tests/e2e/fixtures/retail-server';
import { installRows, rowsText } from '../../tests/e2e/fixtures/install-rows';
import { median, percentile, round1 } from './stats';
import { syntheticIncidents } from '../synthetic';

const ROUNDS = Number(process.env.BENCH_NAV_ROUNDS ?? 30);
/** The budget for Caveat's own share (its median minus the baseline's), ms: README, Performance. */
const BUDGET_MS = { warm: 5, cold: 50 } as const;
const SIZES = [1_000, 10_000, 100_000];
const RESULTS = path.resolve('bench/results/navigation.json');
const BASELINE_EXTENSION = path.resolve('bench/fixtures/badge-extension');
const ROWS_HOST = 'bench-rows.caveat.test';
const results: Record<string, number> = {};

interface Timing {
  /** From the page's commit to the badge text being set, ms. */
  fromCommit: number;
  /** From asking for the navigation to the badge, ms (includes the page load itself). */
  fromStart: number;
}

/** In an extension page: navigate the tab and time until its badge text is set (cleared first). */
async function navigateAndTime({ tabId, url }: { tabId: number; url: string }): Promise<Timing> {
  await chrome.action.setBadgeText({ tabId, text: '' });
  let committedAt = NaN;
  const onCommitted = (d: { tabId: number; frameId: number; url: string }) => {
    if (d.tabId === tabId && d.frameId === 0 && d.url === url) committedAt = performance.now();
  };
  chrome.webNavigation.onCommitted.addListener(onCommitted);
  const t0 = performance.now();
  await chrome.tabs.update(tabId, { url });
  while (!(await chrome.action.getBadgeText({ tabId }))) {
    /* the badge is the signal; each call is one round trip to the browser */
  }
  const badgeAt = performance.now();
  // The badge can (rarely) be seen before this page has been told of the commit: wait for that too.
  while (Number.isNaN(committedAt)) await new Promise((r) => setTimeout(r, 0));
  chrome.webNavigation.onCommitted.removeListener(onCommitted);
  return { fromCommit: badgeAt - committedAt, fromStart: badgeAt - t0 };
}

/** In an extension page: resolves once the tab has finished loading (so one navigation never overlaps the next). */
async function loaded(tabId: number): Promise<void> {
  for (;;) {
    const tab = await chrome.tabs.get(tabId);
    if (tab.status === 'complete') return;
    await new Promise((r) => setTimeout(r, 1));
  }
}

interface Variant {
  name: 'caveat' | 'baseline';
  context: BrowserContext;
  helper: Page;
  tabId: number;
  warm: Timing[];
  cold: Timing[];
}

async function openVariant(name: Variant['name'], context: BrowserContext, helperPath: string): Promise<Variant> {
  const id = await extensionIdOf(context);
  const helper = await context.newPage();
  await helper.goto(`chrome-extension://${id}/${helperPath}`);
  const shop = await context.newPage();
  await shop.goto(`https://www.example-bakery.test/`);
  const tabId = await helper.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, shop.url());
  if (tabId < 0) throw new Error(`${name}: no tab for the shop page`);
  return { name, context, helper, tabId, warm: [], cold: [] };
}

async function measure(variant: Variant, url: string, phase: 'warm' | 'cold'): Promise<void> {
  if (phase === 'cold') await stopServiceWorker(variant.context, variant.helper);
  variant[phase].push(await variant.helper.evaluate(navigateAndTime, { tabId: variant.tabId, url }));
  await variant.helper.evaluate(loaded, variant.tabId);
}

let server: RetailServer;
let workDir: string;
test.beforeAll(async () => {
  server = await startRetailServer();
  workDir = await mkdtemp(path.join(tmpdir(), 'caveat-bench-nav-'));
  await mkdir(path.dirname(RESULTS), { recursive: true });
});
test.afterAll(async () => {
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

test('navigation → badge, warm and cold, at 1k, 10k and 100k incidents, against a baseline extension', async () => {
  const caveatContext = await launchBrowser(path.join(workDir, 'profile-caveat'), server.port);
  const baselineContext = await launchBrowser(path.join(workDir, 'profile-baseline'), server.port, { extension: BASELINE_EXTENSION });
  await datasetReady(caveatContext);
  await serviceWorkerOf(baselineContext);
  // A file of the extension's own origin: an extension page that opens no database and runs no app.
  const caveat = await openVariant('caveat', caveatContext, 'dataset.version.json');
  const baseline = await openVariant('baseline', baselineContext, 'page.html');

  for (const size of SIZES) {
    const label = `${size / 1000}k`;
    const incidents = syntheticIncidents(size);
    const route = `${ROWS_HOST} /rows-${size}.json`;
    server.routes.set(route, { body: rowsText(incidents, `bench-${size}`), type: 'application/json' });
    await caveat.helper.evaluate(installRows, { url: `https://${route.replace(' ', '')}` });
    server.routes.delete(route);
    // The worker reads the dataset it serves when it starts: stop it so the next navigation starts it on this one.
    await stopServiceWorker(caveat.context, caveat.helper);
    caveat.warm = [];
    caveat.cold = [];
    baseline.warm = [];
    baseline.cold = [];
    // A different retailer each time: every navigation reads the chunk that holds its incidents.
    let n = 0;
    const next = () => `https://www.${incidents[(n * 7919) % incidents.length]!.domains[0]!}/?n=${n++}`;
    // One warm-up pair each, not counted.
    for (const v of [caveat, baseline]) {
      await measure(v, next(), 'cold');
      await measure(v, next(), 'warm');
      v.warm = [];
      v.cold = [];
    }
    for (let r = 0; r < ROUNDS; r++) {
      // Cold first, then warm on the worker that cold navigation started; the two extensions alternate.
      for (const v of r % 2 ? [baseline, caveat] : [caveat, baseline]) {
        await measure(v, next(), 'cold');
        await measure(v, next(), 'warm');
      }
    }
    for (const phase of ['warm', 'cold'] as const) {
      const ours = caveat[phase].map((t) => t.fromCommit);
      const floor = baseline[phase].map((t) => t.fromCommit);
      results[`nav_badge_${phase}_${label}_median_ms`] = round1(median(ours));
      results[`nav_badge_${phase}_${label}_p95_ms`] = round1(percentile(ours, 95));
      results[`nav_badge_${phase}_${label}_baseline_median_ms`] = round1(median(floor));
      results[`nav_badge_${phase}_${label}_baseline_p95_ms`] = round1(percentile(floor, 95));
      results[`nav_badge_${phase}_${label}_added_median_ms`] = round1(median(ours) - median(floor));
      results[`nav_badge_${phase}_${label}_added_p95_ms`] = round1(percentile(ours, 95) - percentile(floor, 95));
      results[`nav_badge_${phase}_${label}_within_budget`] = median(ours) - median(floor) <= BUDGET_MS[phase] ? 1 : 0;
      results[`nav_start_badge_${phase}_${label}_median_ms`] = round1(median(caveat[phase].map((t) => t.fromStart)));
      results[`nav_start_badge_${phase}_${label}_baseline_median_ms`] = round1(median(baseline[phase].map((t) => t.fromStart)));
    }
    console.log(label, JSON.stringify(Object.fromEntries(Object.entries(results).filter(([k]) => k.includes(`_${label}_`)))));
  }
  results.nav_rounds = ROUNDS;
  await caveatContext.close();
  await baselineContext.close();
});
