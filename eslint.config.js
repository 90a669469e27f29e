// ESLint (flat config) with typescript-eslint's type-aware rules: `npm run lint`, part of `npm run check`.
// The recommended sets apply as they are; every rule turned off or tuned below says why in one line.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Node's globals, for the plain-JavaScript scripts (bin/, scripts/, bench/). */
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'TextDecoder',
    'TextEncoder',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'performance',
    'structuredClone',
    'queueMicrotask',
    'SharedArrayBuffer',
    'Atomics',
  ].map((name) => [name, 'readonly']),
);

/** An underscore says "unused on purpose" (a formatter's signature, a skipped tuple element), as for tsc's noUnusedParameters. */
const unusedVars = [
  'error',
  {
    argsIgnorePattern: '^_',
    varsIgnorePattern: '^_',
    caughtErrorsIgnorePattern: '^_',
    destructuredArrayIgnorePattern: '^_',
  },
];

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'coverage/', 'test-results/', 'bench/data/', 'bench/out/', 'fixtures/']),
  js.configs.recommended,
  {
    rules: {
      // kipp matches control characters on purpose: it neutralises escapes in titles and writes XML-safe cells.
      'no-control-regex': 'off',
      // The zero-width class ([\u200B\u200C\u200D…]) strips joiners on purpose; the rule reads it as an emoji sequence.
      'no-misleading-character-class': 'off',
      // Prettier owns line breaks, and its member-chain layout puts `[Symbol.iterator]()` on its own line.
      'no-unexpected-multiline': 'off',
      'no-unused-vars': unusedVars,
    },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': unusedVars,
      // Every command runs through one async signature (src/cli.ts awaits them alike); some have nothing to await.
      '@typescript-eslint/require-await': 'off',
      // The YAML reader stops a walk with `Refused`, a value carrying the offset, caught in the same module.
      '@typescript-eslint/only-throw-error': [
        'error',
        { allow: [{ from: 'file', name: 'Refused', path: 'src/io/yaml.ts' }] },
      ],
    },
  },
  {
    // commander hands its option values over untyped; the typed CLI boundary of #21 replaces this exception.
    files: ['src/cli.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Tests read JSON reports with JSON.parse and assert their shape field by field: the assertion is the type check.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // The yardsticks copied from shared/perf into bench/ are CommonJS scripts.
    files: ['**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...nodeGlobals, require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
  },
]);
