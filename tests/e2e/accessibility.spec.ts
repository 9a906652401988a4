import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openPopup, setSettings, test, visit } from './fixtures/extension';

const DURING_ATTACKS = '2025-05-02';

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`popup and options have no axe violations (${scheme})`, async ({ context, extensionId, page }) => {
    await setSettings(context, { todayOverride: DURING_ATTACKS });
    await visit(context, page, 'https://shop.coop.co.uk/');
    const popup = await openPopup(context, extensionId, page);
    await popup.emulateMedia({ colorScheme: scheme });
    // Everything open: details, timeline, sources, a search with results.
    for (const more of await popup.getByRole('region', { name: 'Incidents at coop.co.uk' }).getByText('Who, when and sources').all()) await more.click();
    await popup.getByRole('searchbox').fill('ransomware');
    await popup.locator('.results details > summary').first().click();
    expect(await axe(popup)).toEqual([]);

    const options = await context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.locator('body[data-ready="true"]')).toBeAttached();
    expect(await axe(options)).toEqual([]);
  });
}
