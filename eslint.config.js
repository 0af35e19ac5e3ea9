// Lint rules, including the layers of the README's Development section: the shared modules depend on
// nothing, the core is plain Node (no `electron`, no hosts, no renderer), hosts reach the core only
// through electron/core/index.ts, and the renderer takes only types from electron/api.ts and values
// from electron/shared/.
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * A layer's import rule: its files may import nothing a pattern matches (`allowTypeImports` lets
 * `import type` through). One rule name for every layer, so a file in two layers (the preload is
 * also in electron/) gets the later, stricter one.
 */
function layer(files, patterns, ignores = []) {
  return { files, ignores, rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } };
}

const sharedBoundary = layer(['electron/shared/**/*.ts'], [
  {
    regex: '^(?!\\./|\\.\\./api\\.js$)',
    message: 'Shared modules run in every layer (the sandboxed preload too): they import nothing.',
  },
  { regex: '^\\.\\./api\\.js$', allowTypeImports: true, message: 'Shared modules take only types from the contract.' },
]);

const coreBoundary = layer(['electron/core/**/*.ts'], [
  { group: ['electron', 'electron/*'], message: 'The core is plain Node: it never imports electron.' },
  {
    group: ['**/hosts/**', '**/main', '**/main.js', '**/preload', '**/preload.js', '**/ipc', '**/ipc.js', '**/cli/**'],
    message: 'The core never imports a host adapter.',
  },
  { group: ['**/renderer/**'], message: 'The core never imports the renderer.' },
]);

const hostBoundary = layer(['electron/*.ts', 'electron/cli/**/*.ts', 'electron/hosts/**/*.ts', 'electron/shell/**/*.ts'], [
  { regex: '(^|/)core/(?!index\\.js$)', message: 'Hosts reach the core only through electron/core/index.ts.' },
], ['electron/api.ts']);

const preloadBoundary = layer(['electron/preload.ts'], [
  { regex: '^(?!electron$|\\./shared/|\\./api\\.js$)', message: 'The sandboxed preload can load only electron and electron/shared/.' },
  { regex: '^\\./api\\.js$', allowTypeImports: true, message: 'The preload takes only types from the contract.' },
]);

const rendererBoundary = layer(['renderer/**/*.ts'], [
  { regex: '(^|/)electron/api\\.js$', allowTypeImports: true, message: 'The renderer imports only types from electron/api.ts.' },
  {
    regex: '(^|/)electron/(?!api\\.js$|shared/)',
    message: 'The renderer never imports main-process code (values come from electron/shared/).',
  },
  { regex: '^(node:|fs$|path$|child_process$|electron$)', message: 'The renderer has no Node access.' },
]);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'renderer/dist/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { '@stylistic': stylistic },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // A line a reader takes in without scrolling, side by side with another file.
      '@stylistic/max-len': ['error', { code: 140, tabWidth: 2, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
  sharedBoundary,
  coreBoundary,
  hostBoundary,
  preloadBoundary,
  rendererBoundary,
);
