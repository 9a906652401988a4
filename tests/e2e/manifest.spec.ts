/**
 * What the built extension (.output/chrome-mv3, built by `npm run test:e2e` before Playwright runs)
 * asks for and contains. No browser needed. Claims: SECURITY.md, "Another extension",
 * "A hostile page" (no web-accessible resources) and "Privacy" (no dynamic or remote code).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_PATH, expect, serviceWorkerOf, test, visit } from './fixtures/extension';

const manifest = () => JSON.parse(readFileSync(path.join(EXTENSION_PATH, 'manifest.json'), 'utf8')) as Record<string, unknown>;

function builtFiles(ext: RegExp): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (ext.test(entry.name)) out.push({ file: path.relative(EXTENSION_PATH, full), text: readFileSync(full, 'utf8') });
    }
  };
  walk(EXTENSION_PATH);
  return out;
}

/** Each permission and why it is needed (README, "Permissions, and why"). Anything else fails this test. */
const JUSTIFIED_PERMISSIONS = ['storage', 'scripting', 'webNavigation', 'alarms'];

test('the manifest opens no door: no external messaging, no web-accessible files, no content script everywhere', () => {
  const m = manifest();
  for (const key of ['externally_connectable', 'web_accessible_resources', 'content_scripts', 'key', 'oauth2', 'optional_permissions', 'optional_host_permissions', 'sandbox', 'chrome_url_overrides', 'devtools_page']) {
    expect(m, `manifest.${key}`).not.toHaveProperty(key);
  }
  expect(m.manifest_version).toBe(3);
  for (const permission of m.permissions as string[]) expect(JUSTIFIED_PERMISSIONS).toContain(permission);
  expect(m.permissions).not.toContain('tabs');
  expect(m.permissions).not.toContain('cookies');
  expect(m.permissions).not.toContain('webRequest');
  expect(m.host_permissions).toEqual(['http://*/*', 'https://*/*']);
  // The default MV3 policy (script-src 'self') applies unless loosened; it never is.
  const csp = JSON.stringify(m.content_security_policy ?? {});
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:/);
  // Chromium gets no Firefox-only keys (it would warn about them).
  expect(m).not.toHaveProperty('browser_specific_settings');
});

test('the built code has no external message listeners and no dynamic or remote code', () => {
  const scripts = builtFiles(/\.js$/);
  expect(scripts.length).toBeGreaterThan(3);
  const forbidden: [string, RegExp][] = [
    // (The polyfill's API table names onMessageExternal; registering a listener would read `.onMessageExternal.addListener(`.)
    ['external message listener', /on(Message|Connect)External\.addListener/],
    ['eval', /\beval\s*\(/],
    ['Function constructor', /\bFunction\s*\(/],
    ['string timer', /set(Timeout|Interval)\(\s*["'`]/],
    ['importScripts', /importScripts\s*\(/],
    ['WebSocket', /new WebSocket\b/],
    ['sendBeacon', /sendBeacon\s*\(/],
    ['XMLHttpRequest', /new XMLHttpRequest\b/],
    ['remote module', /import\s*\(\s*["'`]https?:/],
  ];
  const found: string[] = [];
  for (const { file, text } of scripts) for (const [what, pattern] of forbidden) if (pattern.test(text)) found.push(`${file}: ${what}`);
  expect(found).toEqual([]);
  for (const { file, text } of builtFiles(/\.html$/)) {
    expect(text, file).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//);
  }
});

test('at run time: no external listener is registered, and a web page has no way to message Caveat', async ({ context, page }) => {
  const sw = await serviceWorkerOf(context);
  expect(await sw.evaluate(() => [chrome.runtime.onMessageExternal.hasListeners(), chrome.runtime.onConnectExternal.hasListeners()])).toEqual([false, false]);
  await visit(context, page, 'https://www.marksandspencer.com/');
  // Without externally_connectable, Chromium gives web pages no chrome.runtime to message an extension with.
  expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
});
