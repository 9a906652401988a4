import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'url', 'util', 'crypto', 'http', 'https', 'net', 'stream', 'zlib'];

/**
 * The import rule for one top-level folder: it may not reach into `forbidden` folders (by the `@/`
 * alias or a relative path), nor, when asked, into Node's built-ins, the browser extension API or
 * the UI library.
 */
function layer(files, forbidden, { node = false, browserApi = false, ui = false, siblings = [] }) {
  const folders = forbidden.join('|');
  const patterns = [
    { regex: `^(@/|(\\.\\./)+)(${folders})(/|$)`, message: `${files.replace('/**', '/')} may not import from ${forbidden.map((f) => `${f}/`).join(', ')} (README, "Project layout").` },
  ];
  // Folders beside this one that it may not use, however the path is written (`@/tools/cli/…`, `../cli/…`).
  for (const sibling of siblings) {
    const [parent, name] = sibling.split('/');
    patterns.push({ regex: `^(@/${parent}/${name}|(\\.\\./)+(${parent}/)?${name})(/|$)`, message: `${files.replace('/**', '/')} may not import from ${sibling}/: what both need lives in tools/shared/ (README, "Project layout").` });
  }
  if (node) patterns.push({ group: NODE_BUILTINS, message: 'Node built-ins belong in tools/: this code runs in the browser.' });
  if (browserApi) patterns.push({ group: ['wxt/browser', 'webextension-polyfill'], message: 'Only entrypoints/ call the browser extension API; pass what you need in.' });
  if (ui) patterns.push({ group: ['preact', 'preact/*'], message: 'core/ holds no UI: components/ render.' });
  return { files: [files], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Privacy is the product: no dynamic code anywhere.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // Dataset strings are rendered as text only (SECURITY.md, "Hostile data"): no HTML sinks.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render dataset strings as text; never as HTML.' },
        { selector: "AssignmentExpression > MemberExpression[property.name=/^(innerHTML|outerHTML|srcdoc)$/]", message: 'No HTML sinks: build DOM nodes or use textContent.' },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/]", message: 'No HTML sinks: build DOM nodes or use textContent.' },
        { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'No HTML sinks: build DOM nodes or use textContent.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // WXT auto-imports these in entrypoints.
    files: ['entrypoints/**'],
    languageOptions: { globals: { defineBackground: 'readonly', defineContentScript: 'readonly' } },
  },
  {
    // The model and the importers match control and bidi characters on purpose, to refuse or strip them.
    files: ['core/**', 'tools/**'],
    rules: { 'no-control-regex': 'off' },
  },
  // Who may import whom (README, "Project layout"). Data flows one way: data/ → core/ → entrypoints/ and
  // components/; tools/ are the maintainers' Node programs. A wrong import fails `npm run lint`.
  layer('core/**', ['components', 'entrypoints', 'tools'], { node: true, browserApi: true, ui: true }),
  layer('components/**', ['entrypoints', 'tools'], { node: true, browserApi: true }),
  layer('entrypoints/**', ['tools'], { node: true }),
  layer('tools/**', ['entrypoints'], {}),
  // The importers and publishing are libraries the CLI calls, never the other way round.
  layer('tools/{import,publish,shared}/**', ['entrypoints'], { siblings: ['tools/cli'] }),
  {
    files: ['tests/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
