// ESLint for the TypeScript sources (issue 14): the recommended rules of ESLint and typescript-eslint, run by
// `npm run lint:code` inside `npm test`, so unused code and disabled checks cannot creep back in.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.e2e/', 'test-results/', 'test/grammar/vendor/', 'test/fixtures/', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts', '**/*.mjs', '**/*.cjs'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `any` is used deliberately at the few untyped boundaries (JSON from the model, the SDK's error shapes).
      '@typescript-eslint/no-explicit-any': 'off',
      // Types are TypeScript's job (and Node's globals in the .mjs and .cjs scripts are not worth a config of their own).
      'no-undef': 'off',
      // require() is how the bundles load heavy parts lazily (the SDK on the first launch, the JSON service on first
      // use); a static import would put them on the start-up path.
      '@typescript-eslint/no-require-imports': 'off',
      // The sets of characters names may not hold (labels, names) list control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      // Each spread item is an argument, and V8 refuses a call with about 120,000: a wide document got no
      // diagnostics at all. core/append.ts appends item by item.
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement", message: 'Spread into push() throws past ~120,000 items: use append() from core/append.ts.' }],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    ignores: ['client/src/notify.ts'],
    rules: {
      // VS Code turns `[label](command:…)` in a notification into a link it runs when clicked; text from a document
      // or from AWS must reach notifications through notify.ts, which makes it plain.
      // Read as a member (window.showErrorMessage), by a computed key (window['showErrorMessage']) or destructured.
      'no-restricted-syntax': ['error', ...['MemberExpression[property.name=/^show(Information|Warning|Error)Message$/]', 'MemberExpression[property.value=/^show(Information|Warning|Error)Message$/]', 'ObjectPattern > Property[key.name=/^show(Information|Warning|Error)Message$/]', 'ObjectPattern > Property[key.value=/^show(Information|Warning|Error)Message$/]'].map((selector) => ({ selector, message: 'Show notifications with notify from client/src/notify.ts: it keeps document text from becoming a command link.' }))],
    },
  },
);
