import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * Who may import whom inside src/ (and dialogs/ beside it): a folder imports only from the layers before its own, so
 * no two folders can ever depend on each other. Lowest first; folders in one layer do not import each other.
 */
const LAYERS = [
  ['src/domain'],
  ['src/logging'],
  ['src/scheduling', 'src/security'],
  ['src/storage'],
  ['src/reliability', 'src/portability', 'src/handoff', 'src/mail', 'src/cards', 'src/documents', 'src/assisted'],
  ['src/config'],
  ['src/submission'],
  ['src/privacy'],
  ['src/bot'],
  ['src/hosting', 'src/chat'],
  ['dialogs'],
  ['src/app.ts'],
  ['src/index.ts'],
];

/** For each folder, every folder of its own layer or a later one is off limits. */
const layerZones = LAYERS.flatMap((layer, index) =>
  layer.map((target) => ({
    target: `./${target}`,
    from: LAYERS.slice(index)
      .flat()
      .filter((other) => other !== target)
      .map((other) => `./${other}`),
    message: `${target} may import only from the layers below its own (LAYERS in eslint.config.mjs): move the shared piece down, or pass it in.`,
  })),
).filter((zone) => zone.from.length > 0);

/** Packages that tie code to the Bot Framework SDK: the porting domain stays plain TypeScript. */
const BOT_FRAMEWORK = ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/*'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.ts', 'dialogs/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })] },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: BOT_FRAMEWORK, message: 'src/domain is plain TypeScript: the dialogs and hosting adapt it to the Bot Framework.' }] },
      ],
    },
  },
);
