/**
 * `npm run screenshots`: drives the built extension over mapped retailer pages and writes the
 * README's pictures (docs/) and the store-listing images (docs/store/: Chrome Web Store 1280×800
 * screenshots and the 440×280 promo tile; addons.mozilla.org takes the same screenshots).
 * Not part of `npm test`: it asserts nothing, it shows.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { setSettings, tabIdOf, test, visit, waitForBanner } from '../e2e/fixtures/extension';

const DURING_ATTACKS = '2025-05-02';

async function popupFor(context: BrowserContext, extensionId: string, page: Page, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const popup = await context.newPage();
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.setViewportSize({ width: 470, height: 900 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(context, page)}`);
  await popup.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  return popup;
}

/** A store image: a screenshot centred on a calm background with a one-line caption. */
async function storeImage(context: BrowserContext, png: Buffer, caption: string, path: string): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.setContent(`<html><body style="margin:0;height:800px;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:24px;background:#fffbeb;font:600 30px system-ui,sans-serif;color:#1c1917">
    <div>${caption}</div><img src="data:image/png;base64,${png.toString('base64')}" style="max-height:660px;max-width:1200px;box-shadow:0 8px 30px rgba(0,0,0,.18);border-radius:8px"></body></html>`);
  await page.screenshot({ path });
  await page.close();
}

test('README screenshots and store images', async ({ context, page, extensionId }) => {
  test.setTimeout(120_000);
  await mkdir('docs/store', { recursive: true });
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  await page.setViewportSize({ width: 1100, height: 640 });

  await visit(context, page, 'https://www.marksandspencer.com/');
  await waitForBanner(page);
  await page.screenshot({ path: 'docs/banner-marksandspencer.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'docs/banner-marksandspencer-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: 'docs/store/screenshot-1-banner-1280x800.png' });
  await page.setViewportSize({ width: 1100, height: 640 });

  await visit(context, page, 'https://shop.coop.co.uk/');
  await waitForBanner(page);
  await page.screenshot({ path: 'docs/banner-coop.png' });

  const popup = await popupFor(context, extensionId, page);
  await popup.screenshot({ path: 'docs/popup-coop.png' });
  await storeImage(context, await popup.screenshot(), 'What happened, which services are down or fine, what to do — with sources', 'docs/store/screenshot-2-popup-1280x800.png');
  await popup.getByRole('searchbox').fill('click and collect');
  await popup.locator('#search-heading').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await popup.screenshot({ path: 'docs/popup-search.png' });
  await storeImage(context, await popup.screenshot(), 'Search every incident: retailer, service, data, attackers', 'docs/store/screenshot-3-search-1280x800.png');

  const dark = await popupFor(context, extensionId, page, 'dark');
  await dark.screenshot({ path: 'docs/popup-coop-dark.png' });

  const options = await context.newPage();
  await options.setViewportSize({ width: 900, height: 1000 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  await options.screenshot({ path: 'docs/options.png', fullPage: true });

  const tile = await context.newPage();
  await tile.setViewportSize({ width: 440, height: 280 });
  const icon = readFileSync('docs/icon.svg', 'utf8').replace('<svg ', '<svg width="88" height="88" ');
  await tile.setContent(`<html><body style="margin:0;height:280px;display:flex;align-items:center;gap:22px;padding:0 32px;box-sizing:border-box;background:#fffbeb;font-family:system-ui,sans-serif;color:#1c1917">
    ${icon}<div><div style="font:700 40px system-ui">Caveat</div><div style="font:500 18px/1.35 system-ui;margin-top:6px">Security incidents at the shop you are on — calmly, with sources. Nothing you browse leaves your browser.</div></div></body></html>`);
  await tile.screenshot({ path: 'docs/store/promo-tile-440x280.png' });
});
