// Lint rules, and the app's import boundaries (the layers of README's Folders section): core never
// imports electron and its folders import only the layers below them (CORE_LAYERS), api imports
// neither Node nor core, preload only api, and the renderer reaches the backend only through
// electron/api, from its stores (and use-*.ts composables): components and model/ never call it.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'Node modules do not run here.' };
const upward = (folder, why) => ({ group: [`**/${folder}/**`, `**/${folder}`], message: why });

/**
 * electron/core's folders, lowest first: a folder imports only folders of its own layer or below
 * (as VS Code's code-layering rule does). The first layer reads what core is handed (kubeconfig
 * files, manifests, remembered state) and knows the secrets in it; its folders still call one
 * another (kubeconfig ⇄ secrets, kubeconfig ⇄ parse-worker), which is why they share a layer.
 * core's own root files (portolan-core.ts, core-events.ts, …) sit above every layer.
 */
const CORE_LAYERS = [
  ['state', 'app-files', 'manifests', 'kubeconfig', 'secrets', 'parse-worker'],
  ['kube'],
  ['watch'],
  ['clusters'],
  ['rows'],
  ['services', 'drafts', 'port-forward'],
];
/** What the renderer may not import (more patterns for stricter folders). */
function rendererImports(...more) {
  return {
    paths: [{ name: 'electron', message: 'The renderer talks only to window.portolan through electron/api.' },
      { name: '@kubernetes/client-node', message: 'Cluster access lives in electron/core.' }],
    patterns: [nodeBuiltins, upward('core', 'The renderer talks only to electron/api.'),
      upward('main', 'The renderer talks only to electron/api.'), upward('preload', 'The renderer talks only to electron/api.'),
      upward('serve', 'The renderer talks only to electron/api.'), ...more],
  };
}

const coreOutside = [upward('main', 'core does not depend on main.'), upward('preload', 'core does not depend on preload.'),
  upward('serve', 'core does not depend on a transport.'), upward('renderer', 'core does not depend on the renderer.')];
const coreLayerRules = CORE_LAYERS.flatMap((layer, index) => layer.map((folder) => ({
  files: [`electron/core/${folder}/**`],
  rules: {
    'no-restricted-imports': ['error', {
      paths: [{ name: 'electron', message: 'electron/core is plain Node: no electron import.' }],
      patterns: [...coreOutside, ...CORE_LAYERS.slice(index + 1).flat().map((higher) =>
        upward(higher, `core/${folder} is below core/${higher} (CORE_LAYERS in eslint.config.js).`))],
    },
    ],
  },
})));

export default defineConfig(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  { files: ['electron/**', 'test/**', '*.config.*'], languageOptions: { globals: globals.node } },
  { files: ['renderer/**'], languageOptions: { globals: globals.browser } },
  {
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'electron/core is plain Node: no electron import.' }],
        patterns: coreOutside,
      }],
    },
  },
  ...coreLayerRules,
  {
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [nodeBuiltins, upward('core', 'The preload exposes the contract; core runs in main.'),
          upward('main', 'The preload runs in the page\'s process, not main.'), upward('serve', 'The preload is the desktop transport only.'),
          upward('renderer', 'The preload does not depend on the renderer.')],
      }],
    },
  },
  {
    files: ['electron/launch/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'electron/launch runs on plain Node before Electron exists.' }],
        patterns: [upward('core', 'electron/launch runs before anything is built: it imports nothing of the app.'),
          upward('api', 'electron/launch imports nothing of the app.'), upward('main', 'electron/launch imports nothing of the app.'),
          upward('renderer', 'electron/launch imports nothing of the app.')],
      }],
    },
  },
  {
    files: ['electron/api/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'electron/api is shared with the renderer.' }],
        patterns: [nodeBuiltins, upward('core', 'the contract does not depend on core.'), upward('main', 'nor on main.'),
          upward('renderer', 'nor on the renderer.')],
      }],
    },
  },
  {
    files: ['renderer/**'],
    rules: { 'no-restricted-imports': ['error', rendererImports()] },
  },
  {
    // Components and views render and dispatch; model/ is pure. Only stores (and the use-*.ts
    // composables beside the components that need a short-lived subscription) call the API.
    files: ['renderer/**/*.vue', 'renderer/src/model/**'],
    rules: {
      'no-restricted-imports': ['error', rendererImports(
        { group: ['**/api/portolan', '**/api/live'], message: 'Only stores and use-*.ts composables call the API: dispatch to a store instead.' },
      )],
    },
  },
);
