// ESLint's flat config: the recommended JavaScript and typescript-eslint rules over the sources, the tests,
// the benchmark and the scripts. Formatting is Prettier's job (`npm run format`), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', 'test/golden/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter kept for its position in a signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Email safety code matches control characters on purpose (header injection, terminal escapes).
      'no-control-regex': 'off',
    },
  },
  // The benchmark's browser callbacks run in the page, where `document` exists.
  { files: ['bench/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
);
