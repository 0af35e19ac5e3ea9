// Lint rules, including the layers of the README's Development section: the shared modules depend on
// nothing, the core is plain Node (no `electron`, no hosts, no renderer), hosts reach the core only
// through electron/core/index.ts, and the renderer takes only types from electron/api.ts and values
// from electron/shared/.
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';

const sharedBoundary = {
  files: ['electron/shared/**/*.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', {
      patterns: [
        {
          regex: '^(?!\\./|\\.\\./api\\.js$)',
          message: 'Shared modules run in every layer (the sandboxed preload too): they import nothing.',
        },
        { regex: '^\\.\\./api\\.js$', allowTypeImports: true, message: 'Shared modules take only types from the contract.' },
      ],
    }],
  },
};

const coreBoundary = {
  files: ['electron/core/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['electron', 'electron/*'], message: 'The core is plain Node: it never imports electron.' },
        {
          group: ['**/hosts/**', '**/main', '**/main.js', '**/preload', '**/preload.js', '**/ipc', '**/ipc.js', '**/cli', '**/cli.js'],
          message: 'The core never imports a host adapter.',
        },
        { group: ['**/renderer/**'], message: 'The core never imports the renderer.' },
      ],
    }],
  },
};

const hostBoundary = {
  files: ['electron/*.ts', 'electron/hosts/**/*.ts', 'electron/shell/**/*.ts'],
  ignores: ['electron/api.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { regex: '(^|/)core/(?!index\\.js$)', message: 'Hosts reach the core only through electron/core/index.ts.' },
      ],
    }],
  },
};

const preloadBoundary = {
  files: ['electron/preload.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', {
      patterns: [
        {
          regex: '^(?!electron$|\\./shared/|\\./api\\.js$)',
          message: 'The sandboxed preload can load only electron and electron/shared/.',
        },
        { regex: '^\\./api\\.js$', allowTypeImports: true, message: 'The preload takes only types from the contract.' },
      ],
    }],
  },
};

const rendererBoundary = {
  files: ['renderer/**/*.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', {
      patterns: [
        { regex: '(^|/)electron/api\\.js$', allowTypeImports: true, message: 'The renderer imports only types from electron/api.ts.' },
        {
          regex: '(^|/)electron/(?!api\\.js$|shared/)',
          message: 'The renderer never imports main-process code (values come from electron/shared/).',
        },
        { regex: '^(node:|fs$|path$|child_process$|electron$)', message: 'The renderer has no Node access.' },
      ],
    }],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'renderer/dist/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { '@stylistic': stylistic },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
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
