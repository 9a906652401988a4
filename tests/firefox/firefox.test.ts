/**
 * Caveat in a real Firefox: Debian's firefox-esr, headless, driven by puppeteer-core over WebDriver
 * BiDi (Playwright cannot drive stock Firefox; see ../shared/TOOLCHAIN.md). Every hostname goes
 * through an HTTP proxy, the same local retail server the Chromium tests use, so the extension sees
 * www.marksandspencer.com as in life; MOZ_DISABLE_NONLOCAL_CONNECTIONS makes any other connection
 * crash Firefox loudly. Run by `npm run test:firefox` (part of `npm test`) after `build:firefox`.
 * Claims: SECURITY.md, "Firefox".
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startRetailServer, type RetailServer } from '../e2e/fixtures/retail-server';
import { DECISION_KEY_PREFIX } from '../../core/navigation/decision';

const BUILD = path.resolve('.output/firefox-mv2');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
const GECKO_ID = 'caveat@caveat.invalid';
const UUID = '6d0b2f52-7c1e-4a55-9d2e-3c1a0b7f0c11';
const BASE = `moz-extension://${UUID}`;
const DURING_ATTACKS = '2025-05-02';

/** Polls `read` until `done` holds (a signal, never a fixed sleep); fails after `timeout` ms. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeout = 15_000): Promise<T> {
  const start = Date.now();
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch {
      // the page may be between documents
    }
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('the Firefox build', () => {
  it('declares a gecko id and its data collection (none)', () => {
    const manifest = JSON.parse(readFileSync(path.join(BUILD, 'manifest.json'), 'utf8'));
    assert.equal(manifest.browser_specific_settings.gecko.id, GECKO_ID);
    assert.deepEqual(manifest.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
    for (const key of ['web_accessible_resources', 'externally_connectable', 'content_scripts']) assert.equal(key in manifest, false, key);
  });

  it('passes web-ext lint with zero errors; the only warnings are the ones SECURITY.md explains', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.resolve('node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', BUILD, '--output', 'json', '--no-config-discovery'], {
      maxBuffer: 10_000_000,
    }).catch((error: { stdout: string }) => error);
    const report = JSON.parse(stdout) as { errors: { code: string }[]; warnings: { code: string; file: string }[] };
    assert.deepEqual(report.errors, []);
    // Preact's renderer assigns innerHTML only for dangerouslySetInnerHTML, which Caveat never uses (ESLint forbids it).
    const unexplained = report.warnings.filter((w) => w.code !== 'UNSAFE_VAR_ASSIGNMENT');
    assert.deepEqual(unexplained, []);
  });
});

describe('core flows in firefox-esr', () => {
  let server: RetailServer;
  let browser: Browser;
  let extensionPage: Page;

  before(async () => {
    server = await startRetailServer();
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      args: ['--remote-allow-system-access'],
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': server.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.trr.mode': 5,
        'network.dns.native_https_query': false,
        'network.dns.upgrade_with_https_rr': false,
        'network.dns.use_https_rr_as_altsvc': false,
        'network.dns.echconfig.enabled': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'dom.security.https_first': false,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      },
    });
    await browser.installExtension(BUILD);
    extensionPage = await browser.newPage();
    void extensionPage.goto(`${BASE}/options.html`).catch(() => undefined);
    await extensionPage.waitForSelector('body[data-ready="true"]');
    await extensionPage.evaluate(async (today) => {
      const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
      const { settings } = await ext.storage.local.get('settings');
      await ext.storage.local.set({ settings: { ...(settings as object | undefined), todayOverride: today } });
    }, DURING_ATTACKS);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * The badge of the tab showing `url` and Caveat's decision about the page, once it has decided
   * (core/navigation/decision.ts: recorded after the badge, its title and the banner, if any).
   */
  async function decidedBadge(url: string): Promise<{ text: string; title: string; banner?: string }> {
    return until(
      () =>
        extensionPage.evaluate(
          async (wanted, key) => {
            const ext = (globalThis as unknown as { browser: typeof chrome & { browserAction: typeof chrome.action } }).browser;
            const tab = (await ext.tabs.query({})).find((t) => t.url === wanted);
            if (tab?.id === undefined) return { text: '', title: '' };
            const decision = (await ext.storage.session.get(`${key}${tab.id}`))[`${key}${tab.id}`] as { url: string; banner: string } | undefined;
            if (decision?.url !== wanted) return { text: '', title: '' };
            return { text: await ext.browserAction.getBadgeText({ tabId: tab.id }), title: await ext.browserAction.getTitle({ tabId: tab.id }), banner: decision.banner };
          },
          url,
          DECISION_KEY_PREFIX,
        ),
      (badge) => badge.banner !== undefined,
      `Caveat's decision on ${url}`,
    );
  }

  /**
   * Whether Caveat's banner is on the page, as the page sees it: the element Caveat attaches to
   * <html> and, at the banner's place (bottom right), the element hit there. The closed shadow
   * root keeps its content out of reach, so the page learns no more than that.
   */
  async function bannerShown(page: Page): Promise<boolean> {
    return page.evaluate(() => {
      const host = [...document.documentElement.children].find((e) => e !== document.head && e !== document.body && e.localName.includes('-'));
      return host !== undefined && host.shadowRoot === null && document.elementFromPoint(innerWidth - 40, innerHeight - 40) === host;
    });
  }

  it('shows the banner and a badge on a mapped retailer host', async () => {
    const page = await browser.newPage();
    await page.goto('http://www.marksandspencer.com/');
    assert.equal(await page.evaluate(() => location.hostname), 'www.marksandspencer.com');
    const badge = await decidedBadge('http://www.marksandspencer.com/');
    assert.equal(badge.text, '1');
    assert.match(badge.title, /1 known incident at marksandspencer\.com/);
    assert.equal(badge.banner, 'shown');
    assert.equal(await bannerShown(page), true);
    await page.close();
  });

  it('shows no banner and an empty badge elsewhere', async () => {
    const page = await browser.newPage();
    await page.goto('http://www.example-bakery.test/');
    const badge = await decidedBadge('http://www.example-bakery.test/');
    assert.equal(badge.text, '');
    assert.equal(badge.title, 'Caveat: no known incidents at this site');
    assert.equal(badge.banner, 'none');
    assert.equal(await bannerShown(page), false);
    assert.equal(await page.evaluate(() => document.documentElement.children.length), 2);
    await page.close();
  });

  it('searches every incident from the popup', async () => {
    const popup = await browser.newPage();
    void popup.goto(`${BASE}/popup.html`).catch(() => undefined);
    await popup.waitForSelector('body[data-ready="true"]');
    await popup.type('input[type="search"]', 'click and collect');
    await popup.waitForSelector('[data-incident="marks-and-spencer-2025-04"]');
    await popup.close();
  });
});
