// @ts-check
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import prettier from 'eslint-config-prettier';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** zod is imported once, by src/lib/zod.ts (zod/mini with English messages); the rest import that. */
const zodPaths = ['zod', 'zod/mini', 'zod/v4', 'zod/v4/core'].map((name) => ({
  name,
  message: "Import { z } from '@/lib/zod' (zod/mini, with English messages).",
}));
/** The modules that set zod up, and the client test that shows classic schemas work too. */
const zodSetup = ['src/lib/zod.ts', 'src/lib/zod-csp.ts', 'src/lib/api/client.test.ts'];

const layerRule = (patterns, paths = zodPaths) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

export default defineConfig(
  {
    ignores: [
      'dist',
      'dist-ssr',
      'node_modules',
      'data',
      'test-results',
      'playwright-report',
      'bench/results.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.strict,
    languageOptions: {
      ...jsxA11y.flatConfigs.strict.languageOptions,
      globals: { ...globals.browser },
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  ...pluginQuery.configs['flat/recommended'],
  { files: ['**/*.{ts,tsx}'], rules: layerRule([]) },
  // One-way layers: app -> features -> components, lib. Features never import each other.
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: layerRule([
      { group: ['@/app', '@/app/*'], message: 'Features must not import from src/app.' },
      {
        group: ['@/features/*'],
        message: 'Features must not import each other; compose them in src/app routes.',
      },
    ]),
  },
  {
    files: ['src/lib/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: layerRule([
      {
        group: ['@/app', '@/app/*', '@/features/*'],
        message: 'Shared code must not import app or features.',
      },
    ]),
  },
  {
    files: zodSetup,
    rules: layerRule(
      [
        {
          group: ['@/app', '@/app/*', '@/features/*'],
          message: 'Shared code must not import app or features.',
        },
      ],
      [],
    ),
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/lib/api/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Use the typed API client in src/lib/api.' },
      ],
    },
  },
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
  prettier,
);
