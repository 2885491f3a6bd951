// Type-aware lint for the whole workspace. The architecture is enforced here:
// `shared` and `runtime` stay free of React, the DOM, Dexie and raw time, and
// Dexie stays inside the designer's persistence folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const uiPackages = [
  'react',
  'react-dom',
  'react-dom/*',
  '@xyflow/*',
  'zustand',
  'zustand/*',
  'msw',
  'msw/*',
];

/** What shared and runtime may not import, and, for one of them, more. */
const coreImports = (...more) => [
  'error',
  {
    paths: [
      { name: 'dexie', message: 'Dexie belongs to the designer persistence folder only.' },
      {
        name: '@callbot/designer',
        message: 'Arrows go one way: designer -> runtime -> shared.',
      },
      ...more,
    ],
    patterns: [
      {
        group: uiPackages,
        message: 'shared and runtime are pure TypeScript: no React, no UI.',
      },
    ],
  },
];

const pureCore = {
  files: ['shared/src/**/*.ts', 'runtime/src/**/*.ts'],
  rules: {
    'no-restricted-imports': coreImports(),
    'no-restricted-globals': [
      'error',
      ...[
        'window',
        'document',
        'navigator',
        'localStorage',
        'sessionStorage',
        'indexedDB',
        'HTMLElement',
        'location',
        'alert',
      ].map((name) => ({
        name,
        message: `${name} is a DOM-only API: keep it out of shared and runtime.`,
      })),
      ...['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'].map((name) => ({
        name,
        message: 'Raw timers make runs non-deterministic: use the injected clock.',
      })),
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
        message: 'Date.now() makes runs non-deterministic: use the injected clock.',
      },
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'new Date() reads the wall clock: use the injected clock.',
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-e2e-*/**',
      '**/storybook-static/**',
      '**/test-results/**',
      '**/playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: [
      '*.js',
      '*.ts',
      'e2e/**/*.ts',
      'runtime/bin/*.js',
      'runtime/examples/*.js',
      'scripts/*.js',
      'runtime/bench/**/*.ts',
      'server/**/*.ts',
    ],
    languageOptions: { globals: globals.node },
  },
  pureCore,
  {
    files: ['runtime/src/**/*.ts'],
    rules: {
      'no-restricted-imports': coreImports({
        name: 'zod',
        message:
          "Take z from '@callbot/shared/zod': the published runtime has no zod of its own, shared ships it.",
      }),
    },
  },
  {
    files: ['designer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only designer/src/persistence talks to IndexedDB.' }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'User text is rendered as text, never as HTML.',
        },
      ],
    },
  },
  {
    files: ['designer/src/persistence/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  prettier,
);
