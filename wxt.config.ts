import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Caveat',
    description: 'Shows, on a retailer’s own site, the security incidents there that matter to shoppers. Nothing you browse leaves your browser.',
    // host permissions: read the tab's URL for the badge and put the banner on matching pages only.
    // webNavigation: know when a top-level page commits, so the badge and banner follow navigation.
    // scripting: inject the banner only into pages that match (nothing is injected anywhere else).
    // storage: your settings, dismissals and muted sites, kept on this device.
    permissions: ['storage', 'scripting', 'webNavigation'],
    host_permissions: ['http://*/*', 'https://*/*'],
    browser_specific_settings: {
      gecko: {
        id: 'caveat@caveat.invalid',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
