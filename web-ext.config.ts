import { defineWebExtConfig } from 'wxt';

// `npm run dev` builds and watches; it does not try to open a browser (machines here have no display).
// Load .output/chrome-mv3-dev as an unpacked extension yourself.
export default defineWebExtConfig({ disabled: true });
