import preact from '@preact/preset-vite';
import path from 'node:path';
import { defineConfig } from 'wxt';

// The public keys whose signed dataset updates this build accepts. Release builds bundle the
// project's keys; the browser tests build with a test key (see package.json, test:e2e).
const trustedKeys = path.resolve(process.env.CAVEAT_TRUSTED_KEYS ?? 'data/update/trusted-keys.json');

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()], resolve: { alias: { '#trusted-keys': trustedKeys } } }),
  manifest: {
    name: 'Caveat',
    description: 'Shows, on a retailer’s own site, the security incidents there that matter to shoppers. Nothing you browse leaves your browser.',
    // host permissions: read the tab's URL for the badge and put the banner on matching pages only.
    // webNavigation: know when a top-level page commits, so the badge and banner follow navigation.
    // scripting: inject the banner only into pages that match (nothing is injected anywhere else).
    // alarms: the daily check for a signed dataset update (only when an update URL is set).
    // storage: your settings, dismissals and muted sites, kept on this device.
    permissions: ['storage', 'scripting', 'webNavigation', 'alarms'],
    host_permissions: ['http://*/*', 'https://*/*'],
    browser_specific_settings: {
      gecko: {
        id: 'caveat@caveat.invalid',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
