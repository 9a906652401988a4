import { expect, openPopup, setSettings, test, visit } from './fixtures/extension';

const DURING_ATTACKS = '2025-05-02';

test('the popup tells the full story of the current site', async ({ context, extensionId, page }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  await visit(context, page, 'https://www.marksandspencer.com/');
  const popup = await openPopup(context, extensionId, page);
  const site = popup.getByRole('region', { name: 'Incidents at marksandspencer.com' });
  const card = site.getByRole('article').first();
  await expect(card).toContainText('Ransomware');
  await expect(card.getByRole('heading', { name: 'Services' })).toBeVisible();
  await expect(card).toContainText('Click & collect: suspended since 25 Apr 2025');
  await expect(card.getByRole('heading', { name: 'What to do' })).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Data exposed' })).toBeVisible();
  await card.getByText('Who, when and sources').click();
  await expect(card.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await expect(card).toContainText('Scattered Spider');
  // Sources: publisher and a real https link.
  const links = card.getByRole('heading', { name: 'Sources' }).locator('xpath=..').getByRole('link');
  expect(await links.count()).toBeGreaterThan(1);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^https:\/\//);
  await expect(popup.getByText(/^Data as of /)).toBeVisible();
  // HIBP's licence asks for attribution wherever its data is shown.
  await expect(popup.getByText(/^Includes data from .*Have I Been Pwned \(CC BY 4\.0\)/)).toBeVisible();
});

test('the popup on a site with no incidents says so, and still searches', async ({ context, extensionId, page }) => {
  await visit(context, page, 'https://www.example-bakery.test/');
  const popup = await openPopup(context, extensionId, page);
  await expect(popup.getByText('No known incidents at this site.')).toBeVisible();
  await expect(popup.getByRole('searchbox')).toBeVisible();
});

test('search for "click and collect" finds Marks & Spencer', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await popup.getByRole('searchbox', { name: /Retailer, service, data, actor/ }).fill('click and collect');
  const results = popup.getByRole('list', { name: 'Search results' });
  await expect(results.getByText('Marks and Spencer Group plc').first()).toBeVisible();
  await expect(results.locator('[data-incident="marks-and-spencer-2025-04"]')).toBeVisible();
});

test('search by actor and by data class', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  const box = popup.getByRole('searchbox');
  const results = popup.getByRole('list', { name: 'Search results' });
  await box.fill('Scattered Spider');
  await expect(results.locator('[data-incident="marks-and-spencer-2025-04"]')).toBeVisible();
  await expect(results.locator('[data-incident="target-2013-12"]')).toHaveCount(0);
  await box.fill('hottopic.com');
  await expect(results.locator('[data-incident="hot-topic-2024-10"]')).toBeVisible();
});

test('filter by status and service narrows the results', async ({ context, extensionId }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  const popup = await openPopup(context, extensionId);
  const results = popup.getByRole('list', { name: 'Search results' });
  const count = popup.getByRole('status').filter({ hasText: /incidents?/ });
  const all = Number((await count.textContent())!.match(/\d+/)![0]);
  await popup.getByRole('combobox', { name: 'Filter by status' }).selectOption('ongoing');
  await expect(results.locator('[data-incident="marks-and-spencer-2025-04"]')).toBeVisible();
  await expect(results.locator('[data-incident="target-2013-12"]')).toHaveCount(0);
  const ongoing = Number((await count.textContent())!.match(/\d+/)![0]);
  expect(ongoing).toBeLessThan(all);
  // The facets count the current results: the status facet says how many are ongoing.
  await expect(popup.getByRole('combobox', { name: 'Filter by status' }).locator('option', { hasText: 'Ongoing' })).toHaveText(`Ongoing (${ongoing})`);
  await expect(popup.getByRole('combobox', { name: 'Filter by service' }).locator('option', { hasText: 'Funeral services' })).toHaveText(/^Funeral services \([1-9]\d*\)$/);
  await popup.getByRole('combobox', { name: 'Filter by service' }).selectOption('funeral-services');
  await expect(results.locator('[data-incident="co-op-2025-04"]')).toBeVisible();
  await expect(results.locator('[data-incident="marks-and-spencer-2025-04"]')).toHaveCount(0);
});

test('search works from the keyboard alone', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  // Tab from the top of the page until the search box has focus.
  for (let i = 0; i < 10 && !(await popup.getByRole('searchbox').evaluate((el) => el === document.activeElement)); i++) await popup.keyboard.press('Tab');
  await expect(popup.getByRole('searchbox')).toBeFocused();
  await popup.keyboard.type('Blue Yonder');
  const result = popup.locator('[data-incident="blue-yonder-2024-11"]');
  await expect(result).toBeVisible();
  // Tab on to the first result and open it with Enter.
  for (let i = 0; i < 10 && !(await result.locator(':scope > summary').evaluate((el) => el === document.activeElement)); i++) await popup.keyboard.press('Tab');
  await expect(result.locator(':scope > summary')).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(result).toHaveAttribute('open', '');
  await expect(result.getByRole('heading', { name: 'Services' })).toBeVisible();
  // Sources are one more keyboard step away.
  await popup.keyboard.press('Tab');
  await expect(result.getByText('Who, when and sources')).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(result.getByRole('heading', { name: 'Sources' })).toBeVisible();
});

test('incident detail: related incidents, why it matched, and a correction link that sends nothing', async ({ context, extensionId, page }) => {
  await visit(context, page, 'https://www.sainsburys.co.uk/');
  const popup = await openPopup(context, extensionId, page);
  const card = popup.getByRole('region', { name: 'Incidents at sainsburys.co.uk' }).getByRole('article').first();
  await card.getByText('Who, when and sources').click();
  await expect(card).toContainText('Matched because www.sainsburys.co.uk is part of sainsburys.co.uk.');
  const correction = card.getByRole('link', { name: 'Report a correction' });
  const href = new URL((await correction.getAttribute('href'))!);
  expect(href.origin).toBe('https://github.com');
  expect(href.searchParams.get('body')).toContain('Incident: sainsburys-2024-11');
  // The supplier's incident is one click away, in the search below.
  await card.getByRole('button', { name: /Blue Yonder.*\(supplier\)/ }).click();
  await expect(popup.getByRole('searchbox')).toHaveValue('blue-yonder-2024-11');
  await expect(popup.getByRole('list', { name: 'Search results' }).locator('[data-incident="blue-yonder-2024-11"]')).toBeVisible();
});
