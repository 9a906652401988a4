/**
 * A hostile page against the banner. The page's own script is played by `page.evaluate` and
 * `addInitScript` (both run in the page's main world, where a page's code runs); the person is
 * played by real mouse events. Claims: SECURITY.md, "A hostile page".
 */
import type { Page } from '@playwright/test';
import { bannerButtonCentre, bannerButtonEnabled, bannerShadowElements, clickBannerButton, expectNoBanner, readBanner, readStorage, setSettings, visit, waitForBanner } from './fixtures/extension';
import { expect, findHost, pageSeesHost, test } from './fixtures/hostile';

const DURING_ATTACKS = '2025-05-02';
const MS = 'https://www.marksandspencer.com';
const REFUSED = /Caveat ignored that click/;

const HOSTILE_CSS = `* { all: unset !important; font-size: 0 !important; }
html, body, *::before, *::after { all: unset !important; font-size: 0 !important; color: transparent !important; line-height: 0 !important; }
:root { --anything: 0 !important; }`;

function shopBody(extraHead = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title>${extraHead}</head>
<body><h1>Shop</h1><p>Browse our range.</p><button id="buy">Add to basket</button></body></html>`;
}

/** Nothing recorded: no dismissal and no mute. */
async function expectNothingRecorded(context: Parameters<typeof readStorage>[0]): Promise<void> {
  const stored = await readStorage(context);
  expect(stored.mutedSites ?? []).toEqual([]);
  expect(stored.dismissals ?? {}).toEqual({});
}

async function armedBanner(page: Page): Promise<void> {
  await waitForBanner(page);
  await expect.poll(() => bannerButtonEnabled(page, 'Dismiss')).toBe(true);
}

/** The computed look of the banner's title inside the closed root, through CDP (the page itself cannot see it). */
async function titleLook(page: Page): Promise<{ fontSize: number; color: string; height: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; backendDOMNodeId?: number; properties?: { name: string; value: { value?: unknown } }[] }[] };
    const heading = nodes.find((n) => n.role?.value === 'heading' && n.properties?.some((p) => p.name === 'level' && p.value.value === 2));
    if (!heading?.backendDOMNodeId) throw new Error('no banner heading');
    await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { nodeIds } = (await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [heading.backendDOMNodeId] })) as { nodeIds: number[] };
    await cdp.send('CSS.enable');
    const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: nodeIds[0]! })) as { computedStyle: { name: string; value: string }[] };
    const get = (name: string) => computedStyle.find((p) => p.name === name)?.value ?? '';
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: heading.backendDOMNodeId })) as { model: { height: number } };
    return { fontSize: parseFloat(get('font-size')), color: get('color'), height: model.height };
  } finally {
    await cdp.detach();
  }
}

test.describe('hostile styles and CSP', () => {
  test('`* { all: unset !important; font-size: 0 }` under a strict CSP still gives a readable, working banner', async ({ context, page, pages }) => {
    pages.set('/hostile', { headers: { 'content-security-policy': "default-src 'none'; style-src 'self'" }, body: shopBody('<link rel="stylesheet" href="/hostile.css">') });
    pages.set('/hostile.css', { headers: { 'content-type': 'text/css' }, body: HOSTILE_CSS });
    await setSettings(context, { todayOverride: DURING_ATTACKS });
    await visit(context, page, `${MS}/hostile`);
    // The page's own stylesheet did apply: its text is squashed to nothing.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontSize)).toBe('0px');
    const banner = await waitForBanner(page);
    expect(banner.text).toMatch(/Click & collect: suspended/);
    const look = await titleLook(page);
    expect(look.fontSize).toBe(15);
    expect(look.color).toBe('rgb(28, 25, 23)');
    expect(look.height).toBeGreaterThan(10);
    await clickBannerButton(page, 'Dismiss');
    await expect.poll(() => readBanner(page)).toBeNull();
    expect(Object.keys((await readStorage(context)).dismissals as object)).toEqual(['marksandspencer.com marks-and-spencer-2025-04']);
  });

  test("`default-src 'none'` (no inline styles, no scripts) still shows a styled banner", async ({ context, page, pages }) => {
    pages.set('/strict', { headers: { 'content-security-policy': "default-src 'none'" }, body: shopBody('<style>body { background: red }</style>') });
    await setSettings(context, { todayOverride: DURING_ATTACKS });
    await visit(context, page, `${MS}/strict`);
    // The page's own inline style was refused by its CSP…
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 0, 0)');
    // …but the banner's styles (a constructed stylesheet in its shadow root) were not.
    await waitForBanner(page);
    const look = await titleLook(page);
    expect(look.fontSize).toBe(15);
    expect(look.height).toBeGreaterThan(10);
  });
});

test.describe('only a person’s click on a visible banner counts', () => {
  test.beforeEach(async ({ context, page }) => {
    await setSettings(context, { todayOverride: DURING_ATTACKS });
    await visit(context, page, `${MS}/`);
    await armedBanner(page);
  });

  test('synthetic clicks and keyboard events from the page record nothing', async ({ context, page }) => {
    const { x, y } = await bannerButtonCentre(page, 'Mute this site');
    await page.evaluate(
      ({ host, x, y }) => {
        if (!host) throw new Error('no banner host');
        host.click();
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
          host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y, detail: 1 }));
          document.elementFromPoint(x, y)?.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y, detail: 1 }));
        }
        (document.elementFromPoint(x, y) as HTMLElement | null)?.click();
        host.focus();
        for (const key of ['Tab', 'Enter', ' ']) {
          document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
          host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        }
      },
      { host: await findHost(page), x, y },
    );
    // The page's events reached the banner (it is the element at that point) and changed nothing.
    expect(await page.evaluate((host) => document.elementFromPoint(innerWidth - 30, innerHeight - 30) === host, await findHost(page))).toBe(true);
    expect(await readBanner(page)).not.toBeNull();
    await expectNothingRecorded(context);
  });

  test('a banner faded by the page (opacity on <html>) refuses a real click', async ({ context, page }) => {
    await page.evaluate(() => document.documentElement.style.setProperty('opacity', '0.02', 'important'));
    const { x, y } = await bannerButtonCentre(page, 'Mute this site');
    await page.mouse.click(x, y);
    await expect.poll(async () => (await readBanner(page))?.text ?? '').toMatch(REFUSED);
    await expectNothingRecorded(context);
  });

  test('a banner covered by a see-through top-layer overlay refuses a real click', async ({ context, page }) => {
    // A popover sits in the top layer, above any z-index; pointer-events: none lets the click through to the banner beneath.
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.popover = 'manual';
      cover.textContent = 'Win a prize! Click the bottom-right corner';
      cover.setAttribute('style', 'position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; border: 0; background: #fff; pointer-events: none;');
      document.body.append(cover);
      cover.showPopover();
    });
    // The browser's occlusion signal disarms the buttons…
    await expect.poll(() => bannerButtonEnabled(page, 'Mute this site')).toBe(false);
    // …so a person clicking "the prize" (really the Mute button under the overlay) mutes nothing.
    await clickBannerButton(page, 'Mute this site', { whenEnabled: false });
    await expect.poll(async () => (await readBanner(page))?.text ?? '').toMatch(REFUSED);
    await expectNothingRecorded(context);
  });

  test('an overlay appended after the banner does not stay on top: Caveat moves back above it', async ({ page }) => {
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.id = 'cover';
      cover.setAttribute('style', 'position: fixed; inset: 0; z-index: 2147483647; background: #fff; pointer-events: none;');
      document.documentElement.append(cover);
    });
    await expect.poll(async () => page.evaluate((host) => document.documentElement.lastElementChild === host, await findHost(page))).toBe(true);
    expect(await page.evaluate((host) => document.elementFromPoint(innerWidth - 30, innerHeight - 30) === host, await findHost(page))).toBe(true);
  });

  test('a removed, moved or restyled banner comes back, and nothing is recorded meanwhile', async ({ context, page }) => {
    await page.evaluate((host) => host?.remove(), await findHost(page));
    await expect.poll(() => pageSeesHost(page)).toBe(true);
    const host = await findHost(page);
    await page.evaluate((h) => {
      const jail = document.createElement('div');
      jail.style.display = 'none';
      document.body.append(jail);
      jail.append(h!);
    }, host);
    await expect.poll(() => page.evaluate((h) => h?.parentNode === document.documentElement, host)).toBe(true);
    await page.evaluate((host) => {
      if (!host) throw new Error('no banner host');
      host.style.setProperty('opacity', '0', 'important');
      host.setAttribute('hidden', '');
      host.setAttribute('inert', '');
    }, host);
    await expect.poll(() => page.evaluate((h) => `${getComputedStyle(h!).opacity} ${h!.hasAttribute('hidden')} ${h!.hasAttribute('inert')}`, host)).toBe('1 false false');
    expect((await readBanner(page))?.text).toMatch(/Click & collect/);
    await expectNothingRecorded(context);
    // And it still works for the person: a real click on the visible banner dismisses.
    await clickBannerButton(page, 'Dismiss');
    await expect.poll(() => readBanner(page)).toBeNull();
  });
});

test('the page cannot read the banner through the DOM', async ({ context, page }) => {
  // The page's script runs first and tries to catch any shadow root being created.
  await page.addInitScript(() => {
    const captured: unknown[] = [];
    (window as unknown as { captured: unknown[] }).captured = captured;
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      const root = attach.call(this, init);
      captured.push(root);
      return root;
    };
  });
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  await visit(context, page, `${MS}/`);
  const banner = await waitForBanner(page);
  expect(banner.text).toMatch(/Click & collect/);
  const seen = await page.evaluate((host) => {
    if (!host) throw new Error('no banner host');
    return {
      name: host.localName,
      shadowRoot: host.shadowRoot === null ? null : 'visible',
      childNodes: host.childNodes.length,
      textContent: host.textContent,
      innerText: host.innerText,
      documentText: document.documentElement.innerText,
      documentHtml: document.documentElement.outerHTML,
      captured: (window as unknown as { captured: unknown[] }).captured.length,
    };
  }, await findHost(page));
  expect(seen.name).toMatch(/^x-[a-z]{16}$/);
  expect(seen.shadowRoot).toBeNull();
  expect(seen.childNodes).toBe(0);
  expect(seen.textContent).toBe('');
  expect(seen.innerText).toBe('');
  for (const text of [seen.documentText, seen.documentHtml]) {
    expect(text).not.toMatch(/Click & collect|Marks and Spencer|Dismiss|Mute this site/);
  }
  expect(seen.captured).toBe(0);
});

test('no web-accessible resource: the page cannot fetch or load any extension file', async ({ context, page, extensionId }) => {
  await visit(context, page, 'https://www.example-bakery.test/');
  const guesses = ['manifest.json', 'content-scripts/banner.js', 'dataset.json', 'dataset.version.json', 'popup.html', 'background.js'];
  const results = await page.evaluate(
    async ({ id, files }) => {
      const out: string[] = [];
      for (const file of files) {
        const url = `chrome-extension://${id}/${file}`;
        const fetched = await fetch(url).then(
          (r) => `fetched ${r.status}`,
          () => 'refused',
        );
        const loaded = await new Promise<string>((resolve) => {
          const script = document.createElement('script');
          script.src = url;
          script.onload = () => resolve('loaded');
          script.onerror = () => resolve('refused');
          document.head.append(script);
        });
        out.push(`${file}: ${fetched}, ${loaded}`);
      }
      return out;
    },
    { id: extensionId, files: guesses },
  );
  expect(results).toEqual(guesses.map((f) => `${f}: refused, refused`));
});

test('a matching page only ever gets one banner element, and a page that matches nothing gets none', async ({ context, page }) => {
  await setSettings(context, { todayOverride: DURING_ATTACKS });
  await visit(context, page, 'https://www.example-bakery.test/');
  await expectNoBanner(context, page);
  expect(await pageSeesHost(page)).toBe(false);
  expect(await bannerShadowElements(page)).toEqual([]);
  await visit(context, page, `${MS}/`);
  await waitForBanner(page);
  expect(await page.evaluate(() => document.documentElement.children.length)).toBe(3);
});
