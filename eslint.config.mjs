// ESLint for the whole repo (flat config): typescript-eslint's recommended rules everywhere, React's hook rules
// for the mini-program, and nothing that Prettier owns (eslint-config-prettier last). `npm run lint` runs it.
// Not type-checked: `tsc` already runs on every file in npm test, and this way the lint stays quick.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Build output, caches, downloaded runtimes and test screenshots: nothing here is written by hand.
    ignores: ['build/', 'miniprogram/dist*/', 'miniprogram/.swc/', '**/node_modules/', '.cache/', '.data/', 'coverage/', 'test-artifacts/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter kept for its position (as tsc's noUnusedParameters allows), and
      // `{ png: _png, ...view }` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Chinese UI text separates fields with the ideographic space (U+3000) on purpose; it is still an error in code.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
    },
  },
  {
    // CommonJS by name: the function container runs on the old Node binaries without a bundler, and the tool configs.
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['miniprogram/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // useLoad and usePaged take a loader and its deps like useCallback: check the deps at every call site.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^(useLoad|usePaged)$' }],
    },
  },
  prettier,
);
