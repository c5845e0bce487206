// Lint for the whole repository. The boundary rules make the layering of DESIGN.md a build
// error: src/ is the bottom layer (no React, Electron, Node or DOM-only libraries), renderer/
// never imports Electron, and electron/ never imports the renderer.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'url', 'http', 'https', 'net']

export default tseslint.config(
  {
    ignores: ['node_modules', 'out', 'dist', 'dist-web', '.tsbuild', 'test-results', 'playwright-report'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      // Interface methods return promises whether or not an implementation awaits.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Export names explicitly, not with export *.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'react/*', 'react-dom', 'react-dom/*', 'dexie-react-hooks'], message: 'src/ is the domain core: no React.' },
            { group: ['electron', 'electron/*'], message: 'src/ is the domain core: no Electron.' },
            { group: nodeBuiltins, message: 'src/ is the domain core: no Node built-ins (it runs in pages and workers).' },
            { group: ['**/renderer/**', '**/electron/**'], message: 'src/ is the bottom layer: it imports nothing from renderer/ or electron/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The renderer talks to the desktop only through the bridge.' },
            { group: nodeBuiltins, message: 'The renderer runs in a page: no Node built-ins.' },
            { group: ['**/electron/**'], message: 'The renderer never imports the Electron shell.' },
          ],
          paths: [
            { name: 'dexie-react-hooks', message: 'Call useLiveQuery only in renderer/hooks/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/hooks/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'electron/*'], message: 'The renderer talks to the desktop only through the bridge.' }] },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'The shell never imports the renderer.' }] },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'scripts/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
)
