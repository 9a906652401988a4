/**
 * `npm run screenshots`: drives the built extension over mapped retailer pages and writes the
 * README's pictures to docs/. Not part of `npm test` (it asserts nothing; it shows).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { setSettings, tabIdOf, test, visit, waitForBanner } from '../e2e/fixtures/extension';

const DURING_ATTACKS = '2025-05-02';

async function popupFor(context: BrowserContext, extensionId: string, page: Page): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 470, height: 900 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(context, page)}`);
  await popup.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  return popup;
}

test('README screenshots', async ({ context, page, extensionId }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  await page.setViewportSize({ width: 1100, height: 640 });

  await visit(context, page, 'https://www.marksandspencer.com/');
  await waitForBanner(page);
  await page.screenshot({ path: 'docs/banner-marksandspencer.png' });

  await visit(context, page, 'https://shop.coop.co.uk/');
  await waitForBanner(page);
  await page.screenshot({ path: 'docs/banner-coop.png' });

  const popup = await popupFor(context, extensionId, page);
  await popup.screenshot({ path: 'docs/popup-coop.png' });
  await popup.getByRole('searchbox').fill('click and collect');
  await popup.getByRole('heading', { name: 'Search all incidents' }).scrollIntoViewIfNeeded();
  await popup.screenshot({ path: 'docs/popup-search.png' });
});
