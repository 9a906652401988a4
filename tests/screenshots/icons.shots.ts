/**
 * Renders docs/icon.svg to the PNG sizes the extension manifest and stores use (public/icon/).
 * Run with `npm run screenshots`; the PNGs are committed so a plain build needs no browser.
 */
import { readFileSync } from 'node:fs';
import { chromium, test } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

test('extension icons', async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const svg = readFileSync('docs/icon.svg', 'utf8');
    for (const size of [16, 32, 48, 96, 128]) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
      await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
});
