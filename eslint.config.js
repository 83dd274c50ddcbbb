import tseslint from 'typescript-eslint';

const noTfjs = {
  group: ['@tensorflow/*'],
  message: 'TensorFlow.js runs only in the worker: import it under src/trainer/ and talk to it through src/protocol/.',
};
// Test helpers have one home: a testing/ folder (src/testing/ for tests across layers, or the area's own).
const noTestHelpers = { regex: '(^|/)testing/', message: 'Test helpers (testing/ folders) are imported by tests only; product code never ships them.' };
const TEST_CODE = ['src/testing/**', 'src/**/testing/**', 'src/**/*.test.{ts,tsx}'];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'test-results-*', 'node_modules', 'public', 'test-results', 'playwright-report', 'bench-results'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/trainer/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTfjs] }] },
  },
  {
    files: ['src/trainer/**/*.ts'],
    ignores: TEST_CODE,
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestHelpers] }] },
  },
  {
    // The page may read the plug-ins' metas under src/trainer/, nothing else there (it would pull
    // tfjs into the page's bundle). Test code may drive the worker's code directly.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/trainer/**', ...TEST_CODE],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noTfjs,
            noTestHelpers,
            {
              regex: '(^|/)trainer/(?!.*(\\.meta|/metas?)$)',
              message: 'The page imports from src/trainer/ only plug-in metas (<id>.meta.ts, meta.ts, metas.ts); talk to the worker through src/protocol/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Metas are read by both threads: no tfjs in them, directly or through the worker's tf.ts.
    files: ['src/trainer/**/*.meta.ts', 'src/trainer/**/meta.ts', 'src/trainer/**/metas.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tensorflow/*'], message: 'A plug-in meta is imported by the page, which must not load TensorFlow.js.' },
            noTestHelpers,
            { regex: '(^|/)tf$', message: 'A plug-in meta is imported by the page, which must not load TensorFlow.js.' },
            { regex: '^\\./(?!.*(\\.meta|/?metas?)$)', message: 'A plug-in meta imports only other metas (the page imports it).' },
          ],
        },
      ],
    },
  },
  {
    // no-implied-eval only sees timers it knows to be globals.
    languageOptions: { globals: { setTimeout: 'readonly', setInterval: 'readonly', window: 'readonly', self: 'readonly', globalThis: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Uploads, model files, links and manifests are data: parsed, never run as code.
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
);
