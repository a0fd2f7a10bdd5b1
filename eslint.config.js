import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import playwright from 'eslint-plugin-playwright'
import reactHooks from 'eslint-plugin-react-hooks'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Module boundaries: dependencies point one way (see docs/decisions/0001-layout-and-boundaries.md). */
const noDevOrTesting = [
  { group: ['**/dev/**'], message: 'src/ never imports the local dev stack.' },
  { group: ['**/testing/**'], message: 'src/testing is for *.test.* files only.' },
]
/**
 * Forbids these imports in `files` (tests excepted); dev and testing code are always forbidden.
 * Type-only imports pass where a group says so (erased from the build).
 */
function restrictImports(files, ...patterns) {
  return {
    files,
    ignores: ['**/*.test.*'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [...noDevOrTesting, ...patterns] },
      ],
    },
  }
}

/** The app's own layers above the auth core: what the leaf modules must not import. */
const APP_LAYERS = [
  '**/app/**',
  '**/api/**',
  '**/components/**',
  '**/bootstrap/**',
  '**/example/**',
]

const noFrameworks = [
  { group: ['react-router', 'react-router-dom'], message: 'auth/* knows nothing of the router.' },
  { group: ['@tanstack/*'], message: 'auth/* knows nothing of TanStack Query.' },
  {
    group: [...APP_LAYERS, '**/idle-sign-out', '**/idle-sign-out/**'],
    message: 'auth/* is a leaf module.',
  },
  { group: ['**/pages'], message: 'auth/* knows nothing of the pages.' },
]

/**
 * The bootstrap runs before React is loaded (a signed-out deep link never loads it). What it
 * imports lives in React-free folders, each linted here by glob: the bootstrap, the route table
 * and other top-level modules of src/, the TanStack query-core layer and the example's reads
 * and writes. The React app is one dynamic import away.
 */
const REACT_FREE = [
  'src/*.ts',
  'src/bootstrap/**/*.ts',
  'src/api/queries/**/*.ts',
  'src/example/**/*.ts',
]
const noReact = {
  group: [
    'react',
    'react-dom',
    'react-dom/*',
    'react-router',
    '@tanstack/react-query',
    '**/auth/react',
    '**/auth/react/**',
    '**/api/hooks',
    '**/api/hooks/**',
    '**/app/**',
    '**/components/**',
  ],
  allowTypeImports: true,
  message: 'React-free: the bootstrap imports this (see src/main.ts).',
}

export default defineConfig([
  globalIgnores([
    'dist',
    'coverage',
    'playwright-report',
    'test-results',
    'dev/bench/results',
    // Checked inside the forked app it overlays (dev/fixture-app/serve.ts).
    'dev/fixture-app/overlay',
  ]),
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: 'error',
      'no-eval': 'error',
    },
  },
  {
    files: ['eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended, jsxA11y.flatConfigs.recommended],
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/exhaustive-deps': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // SEC-27: tokens and login state live in sessionStorage or memory, never localStorage.
      'no-restricted-globals': ['error', { name: 'localStorage', message: 'Use sessionStorage.' }],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'localStorage', message: 'Use sessionStorage.' },
        { object: 'document', property: 'cookie', message: 'No tokens in cookies (SEC-27).' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No raw HTML.',
        },
      ],
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: noDevOrTesting }],
    },
  },
  restrictImports(['src/auth/**/*.{ts,tsx}'], ...noFrameworks),
  restrictImports(
    ['src/auth/core/**/*.ts', 'src/api/client/**/*.ts', 'src/config/**/*.ts'],
    ...noFrameworks,
    { group: ['react', 'react-dom', '**/auth/react/**'], message: 'Framework-free.' },
  ),
  restrictImports(REACT_FREE, noReact),
  // The idle sign-out (session policy) stands on the auth core alone; the app shows it.
  restrictImports(
    ['src/idle-sign-out/**/*.ts'],
    {
      group: ['react', 'react-dom', 'react-dom/*', 'react-router', '@tanstack/*', '**/auth/react'],
      message: 'idle-sign-out/* is React-free.',
    },
    {
      group: [...APP_LAYERS, '**/pages'],
      message: 'idle-sign-out/* knows the auth core only; the app shows it.',
    },
  ),
  restrictImports(['src/components/**/*.{ts,tsx}'], {
    group: ['**/auth/**', '**/api/**', '**/app/**', '**/bootstrap/**', '**/example/**'],
    message: 'Components are presentational.',
  }),
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/testing/**', 'dev/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': 'off',
      // expect.any()/stringMatching() are typed `any` by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['dev/**/*.ts', 'e2e/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['e2e/**/*.ts'],
    // The engine matrix runs under Vitest, not Playwright.
    ignores: ['e2e/engines/**'],
    extends: [playwright.configs['flat/recommended']],
  },
  prettier,
])
