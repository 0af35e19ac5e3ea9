// Lint rules, including the layering of ../shared/design.md: the core is plain Node (no `electron`,
// no hosts, no renderer) and the renderer reaches the main side only through types from electron/api.ts.
import tseslint from 'typescript-eslint';

const coreBoundary = {
  files: ['electron/core/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['electron', 'electron/*'], message: 'The core is plain Node: it never imports electron.' },
        { group: ['**/hosts/**', '**/main', '**/main.js', '**/preload', '**/preload.js', '**/ipc', '**/ipc.js', '**/cli', '**/cli.js'], message: 'The core never imports a host adapter.' },
        { group: ['**/renderer/**'], message: 'The core never imports the renderer.' },
      ],
    }],
  },
};

const rendererBoundary = {
  files: ['renderer/**/*.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', {
      patterns: [
        { group: ['**/electron/api', '**/electron/api.js'], allowTypeImports: true, message: 'The renderer imports only types from electron/api.ts.' },
        { group: ['**/electron/**', '!**/electron/api', '!**/electron/api.js'], message: 'The renderer never imports main-process code.' },
        { group: ['node:*', 'fs', 'path', 'child_process', 'electron'], message: 'The renderer has no Node access.' },
      ],
    }],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'renderer/dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  coreBoundary,
  rendererBoundary,
);
