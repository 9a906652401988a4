import { clickBannerButton, expect, expectNoBanner, openOptions, readBanner, setSettings, test, visit, waitForBanner } from './fixtures/extension';

const DURING_ATTACKS = '2025-05-02';

test('a longer alert window brings back the banner for a recent-enough incident', async ({ context, extensionId, page }) => {
  // Real today: M&S's 2025 attack is over and older than the default 180-day window.
  let badge = await visit(context, page, 'https://www.marksandspencer.com/');
  expect(badge.colour.slice(0, 3)).toEqual([0x6b, 0x72, 0x80]);
  await expectNoBanner(context, page);

  const options = await openOptions(context, extensionId);
  await options.getByLabel('Alert about incidents that changed within (days)').fill('3650');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status')).toHaveText('Saved.');

  badge = await visit(context, page, 'https://www.marksandspencer.com/');
  expect(badge.colour.slice(0, 3)).toEqual([0xb4, 0x53, 0x09]);
  await waitForBanner(page);
});

test('an invalid alert window is refused and nothing changes', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  const field = options.getByLabel('Alert about incidents that changed within (days)');
  await field.fill('0');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  // The browser's own form validation stops it and says why.
  expect(await field.evaluate((el: HTMLInputElement) => el.validationMessage)).not.toBe('');
  await expect(options.getByRole('status')).toHaveText('');
  await options.reload();
  await expect(field).toHaveValue('180');
});

test('turning the banner off leaves the badge', async ({ context, extensionId, page }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  const options = await openOptions(context, extensionId);
  await options.getByLabel('Show a banner on sites with recent or ongoing incidents').uncheck();
  await expect(options.getByRole('status')).toHaveText('Saved.');
  const badge = await visit(context, page, 'https://www.marksandspencer.com/');
  expect(badge.text).toBe('1');
  await expectNoBanner(context, page);
});

test('muted sites are listed and can be unmuted', async ({ context, extensionId, page }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  await visit(context, page, 'https://www.marksandspencer.com/');
  await waitForBanner(page);
  await clickBannerButton(page, 'Mute this site');
  await expect.poll(() => readBanner(page)).toBeNull();

  const options = await openOptions(context, extensionId);
  await expect(options.getByRole('listitem').filter({ hasText: 'marksandspencer.com' })).toBeVisible();
  await options.getByRole('button', { name: 'Unmute marksandspencer.com' }).click();
  await expect(options.getByText('No muted sites.')).toBeVisible();

  await visit(context, page, 'https://www.marksandspencer.com/');
  await waitForBanner(page);
});

test('reset dismissals brings dismissed banners back', async ({ context, extensionId, page }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  await visit(context, page, 'https://shop.coop.co.uk/');
  await waitForBanner(page);
  await clickBannerButton(page, 'Dismiss');
  await expect.poll(() => readBanner(page)).toBeNull();

  const options = await openOptions(context, extensionId);
  await expect(options.getByText('1 dismissed banner.')).toBeVisible();
  await options.getByRole('button', { name: 'Reset dismissals' }).click();
  await expect(options.getByText('No dismissed banners.')).toBeVisible();

  await visit(context, page, 'https://shop.coop.co.uk/');
  await waitForBanner(page);
});

test('options show the installed dataset', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  const dataset = options.getByRole('region', { name: 'Dataset', exact: true });
  await expect(dataset).toContainText(/Version\s*\d{4}\.\d{2}\.\d{2}-[0-9a-f]{8}/);
  await expect(dataset).toContainText('Bundled with the extension');
});
