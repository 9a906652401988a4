import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bannerButtonEnabled, clickBannerButton, datasetReady, expect, expectNoBanner, launchBrowser, readBanner, setSettings, test, visit, waitForBanner } from './fixtures/extension';

const DURING_ATTACKS = '2025-05-02';

test('"Why am I seeing this?" names the matched domain and says nothing was sent', async ({ context, page }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  await visit(context, page, 'https://shop.coop.co.uk/');
  await waitForBanner(page);
  await clickBannerButton(page, 'Why am I seeing this?');
  await expect.poll(async () => (await readBanner(page))?.text).toContain('You are on shop.coop.co.uk, which is part of coop.co.uk');
  expect((await readBanner(page))!.text).toContain('nothing about your browsing was sent anywhere');
});

test('the banner shrinks to a chip and opens again; focus is never taken on load', async ({ context, page }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  await visit(context, page, 'https://www.marksandspencer.com/');
  await waitForBanner(page);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  // Announced once, politely: a status line inside the banner, filled after it appears.
  expect((await readBanner(page))!.text).toMatch(/^Security notice for Marks and Spencer Group plc: /);
  await clickBannerButton(page, 'Minimise');
  await expect.poll(async () => (await readBanner(page))?.text).toContain('Marks and Spencer Group plc: 1 security notice — show');
  expect((await readBanner(page))!.text).not.toContain('Click & collect');
  await clickBannerButton(page, 'Marks and Spencer Group plc: 1 security notice — show');
  await expect.poll(async () => (await readBanner(page))?.text).toContain('Click & collect: suspended');
});

test('Esc inside the banner dismisses it', async ({ context, page }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  await visit(context, page, 'https://www.marksandspencer.com/');
  await waitForBanner(page);
  // Focus is inside the banner (on a button just used), then Esc.
  await clickBannerButton(page, 'Why am I seeing this?');
  await expect.poll(async () => (await readBanner(page))?.text).toContain('You are on www.marksandspencer.com');
  await expect.poll(() => bannerButtonEnabled(page, 'Dismiss')).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => readBanner(page)).toBeNull();
  const badge = await visit(context, page, 'https://www.marksandspencer.com/');
  expect(badge.text).toBe('1');
  await expectNoBanner(context, page);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the banner has no axe violations (${scheme})`, async ({ context, extensionId }) => {
    const preview = await context.newPage();
    await preview.emulateMedia({ colorScheme: scheme });
    await preview.goto(`chrome-extension://${extensionId}/banner-preview.html?host=shop.coop.co.uk&today=${DURING_ATTACKS}`);
    await expect(preview.locator('body[data-ready="true"]')).toBeAttached();
    await preview.getByRole('button', { name: 'Details' }).click();
    await preview.getByRole('button', { name: 'Why am I seeing this?' }).click();
    const { violations } = await new AxeBuilder({ page: preview }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the banner moves only for people who have not asked for reduced motion', async ({ context, extensionId }) => {
  const preview = await context.newPage();
  const animation = async (reducedMotion: 'reduce' | 'no-preference') => {
    await preview.emulateMedia({ reducedMotion });
    await preview.goto(`chrome-extension://${extensionId}/banner-preview.html?host=shop.coop.co.uk&today=${DURING_ATTACKS}`);
    await expect(preview.locator('body[data-ready="true"]')).toBeAttached();
    return preview.evaluate(() => getComputedStyle(document.getElementById('host')!.shadowRoot!.querySelector('.banner')!).animationName);
  };
  expect(await animation('reduce')).toBe('none');
  expect(await animation('no-preference')).toBe('caveat-in');
});

test('the banner speaks the browser’s language (French)', async ({ server }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'caveat-fr-'));
  const context = await launchBrowser(dir, server.port, { locale: 'fr-FR' });
  try {
    await datasetReady(context);
    await setSettings(context, { todayOverride: DURING_ATTACKS });
    const page = context.pages()[0] ?? (await context.newPage());
    await visit(context, page, 'https://www.marksandspencer.com/');
    const banner = await waitForBanner(page);
    expect(banner.name).toBe('Caveat : avis de sécurité pour Marks and Spencer Group plc'.replace(' :', '\u00a0:'));
    expect(banner.text).toContain('25 avr. 2025');
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
});
