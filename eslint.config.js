// ESLint for the whole repository (`npm run lint:es`): typescript-eslint with type information
// (the typed rules catch floating promises and misused async callbacks, which the compiler does
// not), eslint-plugin-solid for .tsx, and the few hard rules the architecture relies on.
// Layering (who may import whom) is dependency-cruiser's job: see .dependency-cruiser.cjs.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import solid from 'eslint-plugin-solid/configs/typescript';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NO_CODE_FROM_TEXT = { 'no-eval': 'error', 'no-new-func': 'error', 'no-implied-eval': 'error' };

/** The full rule set. */
const full = defineConfig(
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node, ...globals.worker },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Nothing may evaluate text as code: cells and shared links are untrusted (see the CSP).
      ...NO_CODE_FROM_TEXT,
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `any` is an error in the pure core (below); elsewhere it is a warning to look at.
      '@typescript-eslint/no-explicit-any': 'warn',
      // `${x}` of a `never` is the usual "unreachable: got …" message of an exhaustive switch.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNever: true, allowNumber: true }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    // Tests read ECharts options and parsed JSON through deliberately loose types (see
    // tests/unit/charts/optionAccess.ts); an unexpected shape fails the assertion anyway.
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.tsx'],
    ...solid,
    rules: {
      ...solid.rules,
      'solid/reactivity': 'error',
      // Solid fills `let el!: HTMLElement` through JSX's ref={el}, which this rule cannot see.
      'no-unassigned-vars': 'off',
      'solid/no-destructure': 'error',
      'solid/prefer-for': 'error',
      'solid/no-innerhtml': ['error', { allowStatic: false }],
    },
  },
  {
    // Plain JavaScript (configs, build scripts) is outside tsconfig: lint it without types.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

export default defineConfig(
  // Fixtures break rules on purpose: tests/unit/tooling/ lints them with ignores off.
  { ignores: ['dist/**', 'dist-cli/**', 'coverage/**', 'node_modules/**', 'tests/fixtures/**'] },
  full,
);
