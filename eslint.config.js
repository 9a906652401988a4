import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    // The data layer matches control and bidi characters on purpose, to refuse or strip them.
    files: ['data/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['tests/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
