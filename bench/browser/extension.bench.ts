/**
 * The browser half of `npm run bench`: Debian's Chromium, the built extension, real hostnames
 * mapped onto the local retail server. Figures go to bench/results/browser.json (medians of
 * repeated runs); bench/summary.ts prints them with the Node figures as one line.
 *
 * 1. A page that matches nothing, paired: no extension / an empty extension (empty service
 *    worker) / Caveat / a naive variant (Caveat's banner bundle as a manifest content script on
 *    every page). Loads are interleaved round by round so drift hits every variant alike.
 * 2. 10k synthetic incidents written into the extension's IndexedDB (the rows installDataset
 *    writes), then popup first render and search keystroke to results.
 * Navigation → badge, warm and cold, is navigation.bench.ts.
 */
import { test, type BrowserContext } from '@playwright/test';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { datasetReady, EXTENSION_PATH, extensionIdOf, launchBrowser, stopServiceWorker, visit } from '../../tests/e2e/fixtures/extension';
import { startRetailServer, type RetailServer } from '../../tests/e2e/fixtures/retail-server';
import { installRows, rowsText } from '../../tests/e2e/fixtures/install-rows';
import { median, round1 } from './stats';
import { syntheticIncidents } from '../synthetic';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const RESULTS = path.resolve('bench/results/browser.json');
const NO_MATCH = 'https://www.example-bakery.test/';
const results: Record<string, number> = {};


/** A copy of the built extension with the banner bundle as a manifest content script on every page. */
async function buildNaiveVariant(dir: string): Promise<string> {
  await cp(EXTENSION_PATH, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  manifest.name = 'Caveat (naive: content script on every page)';
  manifest.content_scripts = [{ matches: ['http://*/*', 'https://*/*'], js: ['content-scripts/banner.js'], run_at: 'document_idle' }];
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

interface Load {
  scriptMs: number;
  heapKb: number;
  loadMs: number;
  injectedGzipBytes: number;
}

/** One load of a page that matches nothing, in a fresh tab; measured once the extension has done what it does there. */
async function measureLoad(context: BrowserContext, variant: string): Promise<Load> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const extensionScripts: string[] = [];
  cdp.on('Debugger.scriptParsed', (e: { scriptId: string; url: string }) => {
    if (e.url.startsWith('chrome-extension://')) extensionScripts.push(e.scriptId);
  });
  await cdp.send('Debugger.enable');
  await cdp.send('Performance.enable');
  if (variant === 'caveat') await visit(context, page, NO_MATCH);
  else await page.goto(NO_MATCH, { waitUntil: 'load' });
  if (variant === 'naive') {
    // document_idle content script: wait until it has been parsed and its message round trip is over.
    while (extensionScripts.length === 0) await page.evaluate(() => new Promise((r) => setTimeout(r, 5)));
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  }
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const loadMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart);
  let injectedGzipBytes = 0;
  for (const scriptId of extensionScripts) {
    const { scriptSource } = (await cdp.send('Debugger.getScriptSource', { scriptId })) as { scriptSource: string };
    injectedGzipBytes += gzipSync(scriptSource).length;
  }
  await cdp.detach();
  await page.close();
  return { scriptMs: metric('ScriptDuration') * 1000, heapKb: metric('JSHeapUsedSize') / 1024, loadMs, injectedGzipBytes };
}

let server: RetailServer;
let workDir: string;
test.beforeAll(async () => {
  server = await startRetailServer();
  workDir = await mkdtemp(path.join(tmpdir(), 'caveat-bench-'));
  await mkdir(path.dirname(RESULTS), { recursive: true });
});
test.afterAll(async () => {
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

test('a page that matches nothing: paired with and without extensions', async () => {
  const variants: Record<string, string | null> = {
    none: null,
    empty: path.resolve('bench/fixtures/empty-extension'),
    caveat: EXTENSION_PATH,
    naive: await buildNaiveVariant(path.join(workDir, 'naive-extension')),
  };
  const contexts: Record<string, BrowserContext> = {};
  for (const [name, extension] of Object.entries(variants)) {
    contexts[name] = await launchBrowser(path.join(workDir, `profile-${name}`), server.port, { extension });
    if (name === 'caveat' || name === 'naive') await datasetReady(contexts[name]);
  }
  const loads: Record<string, Load[]> = Object.fromEntries(Object.keys(variants).map((v) => [v, []]));
  // One warm-up load each, not counted.
  for (const name of Object.keys(variants)) await measureLoad(contexts[name]!, name);
  for (let r = 0; r < ROUNDS; r++) for (const name of Object.keys(variants)) loads[name]!.push(await measureLoad(contexts[name]!, name));
  for (const context of Object.values(contexts)) await context.close();

  const m = (name: string, key: keyof Load) => median(loads[name]!.map((l) => l[key]));
  for (const name of ['empty', 'caveat', 'naive']) {
    results[`page_script_added_ms_${name}`] = round1(m(name, 'scriptMs') - m('none', 'scriptMs'));
    results[`page_heap_added_kb_${name}`] = round1(m(name, 'heapKb') - m('none', 'heapKb'));
    results[`page_load_added_ms_${name}`] = round1(m(name, 'loadMs') - m('none', 'loadMs'));
    results[`page_injected_gzip_bytes_${name}`] = m(name, 'injectedGzipBytes');
  }
  // Noise: the spread (interquartile range) of the no-extension load event.
  const noneLoads = [...loads.none!.map((l) => l.loadMs)].sort((a, b) => a - b);
  results.page_load_noise_iqr_ms = round1(noneLoads[Math.floor(noneLoads.length * 0.75)]! - noneLoads[Math.floor(noneLoads.length * 0.25)]!);
  results.page_load_ms_none = round1(m('none', 'loadMs'));
  results.page_rounds = ROUNDS;
  console.log(JSON.stringify(loads.caveat!.slice(0, 3)), JSON.stringify(loads.naive!.slice(0, 3)));
});

test('10k incidents: IndexedDB load, popup first render, keystroke', async () => {
  const context = await launchBrowser(path.join(workDir, 'profile-10k'), server.port);
  await datasetReady(context);
  const extensionId = await extensionIdOf(context);
  const incidents = syntheticIncidents(10_000);
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/popup.html`);
  await ext.locator('body[data-ready="true"]').waitFor({ state: 'attached' });

  // IndexedDB load: one transaction that clears and writes the rows installDataset writes (chunks of
  // incidents and the domain index row, from core/storage/db.ts's storedRows) plus the meta row, into
  // the extension's own database (tests/e2e/fixtures/install-rows.ts). 1k and 100k first for the growth
  // figures, 10k last: the popup below uses it.
  const ROWS_HOST = 'bench-rows.caveat.test';
  const loadRows = async (n: number, runs: number) => {
    server.routes.set(`${ROWS_HOST} /rows-${n}.json`, { body: rowsText(n === incidents.length ? incidents : syntheticIncidents(n), `bench-${n}`), type: 'application/json' });
    const times: number[] = [];
    for (let r = 0; r < runs; r++) times.push(await ext.evaluate(installRows, { url: `https://${ROWS_HOST}/rows-${n}.json` }));
    server.routes.delete(`${ROWS_HOST} /rows-${n}.json`);
    return median(times);
  };
  results.idb_load_1k_ms = round1(await loadRows(1_000, 5));
  results.idb_load_100k_ms = round1(await loadRows(100_000, 3));
  results.idb_load_10k_ms = round1(await loadRows(10_000, 5));
  // The worker holds the domain index in memory: stopped, it reads the new one when the next page wakes it.
  await stopServiceWorker(context, ext);

  // A tab on a synthetic retailer with an incident, for the popup and the cold start.
  const site = incidents[0]!.domains[0]!;
  const shop = await context.newPage();
  await visit(context, shop, `https://www.${site}/`);
  const tabId = await ext.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, shop.url());

  // Popup first render (performance marks in entrypoints/popup/main.tsx, ms from navigation start).
  const first: number[] = [];
  const ready: number[] = [];
  for (let r = 0; r < 7; r++) {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
    const marks = await popup.evaluate(() => ({
      first: performance.getEntriesByName('caveat:first-render')[0]?.startTime ?? NaN,
      ready: performance.getEntriesByName('caveat:search-ready')[0]?.startTime ?? NaN,
    }));
    first.push(marks.first);
    ready.push(marks.ready);
    if (r < 6) await popup.close();
  }
  results.popup_first_render_10k_ms = round1(median(first));
  results.popup_search_ready_10k_ms = round1(median(ready));

  // Keystroke to results: type "click and collect" and "scattered spider" one key at a time; each key is
  // timed from the input event to the re-rendered results, laid out.
  const popup = context.pages().at(-1)!;
  const keys = await popup.evaluate(async () => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    const times: number[] = [];
    for (const text of ['click and collect', 'scattered spider']) {
      for (let k = 1; k <= text.length; k++) {
        const t0 = performance.now();
        input.value = text.slice(0, k);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 0));
        void document.body.offsetHeight;
        times.push(performance.now() - t0);
      }
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 50));
    }
    return times;
  });
  results.keystroke_10k_ms = round1(median(keys));
  results.keystroke_10k_max_ms = round1(Math.max(...keys));

  await context.close();
});
