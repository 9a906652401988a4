import path from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { defaultUpdateUrl } from './tools/build/update-url';

/**
 * No dynamic code in the built extension, not even dead code. zod 4 probes `new Function("")` to
 * decide whether it may JIT-compile parsers (extension CSPs refuse it anyway). This swaps zod's
 * `Function` for one that always throws, so the probe answers "no" (zod then parses without
 * code generation) and no `Function(…)` call is left in `.output` for a reviewer, `web-ext lint`
 * or tests/e2e/manifest.spec.ts to find.
 */
function noDynamicCode(): Plugin {
  return {
    name: 'caveat:no-dynamic-code',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(id) || !code.includes('const F = Function;')) return null;
      return {
        code: code.replaceAll('const F = Function;', 'const F = function () { throw new EvalError("Caveat runs no dynamic code"); };'),
        map: null,
      };
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // CAVEAT_OUT_DIR: build elsewhere than .output, so a test can build a second extension (one with
  // an update URL, tests/e2e/feed-pipeline.spec.ts) without replacing the one the other tests load.
  ...(process.env.CAVEAT_OUT_DIR ? { outDir: process.env.CAVEAT_OUT_DIR } : {}),
  vite: ({ mode, command }) => ({
    plugins: [noDynamicCode(), preact()],
    // The default update URL (tools/build/update-url.ts): the published feed for release builds,
    // none for dev and test builds, WXT_UPDATE_URL to override.
    define: { 'import.meta.env.WXT_UPDATE_URL': JSON.stringify(defaultUpdateUrl({ mode, command, env: process.env })) },
    resolve: {
      alias: {
        // Signed dataset updates (core/update/trusted-keys.ts): the public keys this build trusts.
        // Tests build with CAVEAT_TRUSTED_KEYS=tests/fixtures/keys/trusted-keys.test.json.
        '#trusted-keys': path.resolve(process.env.CAVEAT_TRUSTED_KEYS ?? 'core/update/trusted-keys.json'),
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en_GB',
    // host permissions: read the tab's URL for the badge and put the banner on matching pages only.
    // webNavigation: know when a top-level page commits, so the badge and banner follow navigation.
    // scripting: inject the banner only into pages that match (nothing is injected anywhere else).
    // storage: your settings, dismissals and muted sites, kept on this device.
    // alarms: the daily check for a signed dataset update, only when an update URL is configured.
    // Deliberately absent (see SECURITY.md): content_scripts, web_accessible_resources,
    // externally_connectable, tabs, cookies, and any remote host beyond what pages need.
    permissions: ['storage', 'scripting', 'webNavigation', 'alarms'],
    host_permissions: ['http://*/*', 'https://*/*'],
    // Firefox only: Chromium warns about keys it does not know.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'caveat@caveat.invalid',
              // Firefox's built-in data-collection consent: Caveat collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
