import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

// electron-vite builds the three Electron targets from one file: main (plus the browser-transport
// server, which shares core with main), a sandboxed CommonJS preload, and the Vue renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          serve: resolve('electron/serve/index.ts'),
          // A worker thread's script must be a file of its own; main and serve name it by URL.
          'parse-worker': resolve('electron/core/parse-worker/parse-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only `electron`: bundle everything else it uses.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [vue()],
    resolve: {
      alias: [
        // monaco-yaml's worker manager, made to fit Monaco >= 0.55 (see the module for why). Exact
        // match only: the worker side, monaco-worker-manager/worker, stays as published.
        { find: /^monaco-worker-manager$/, replacement: resolve('renderer/src/editor/yaml-worker-manager.ts') },
        // That worker side imports Monaco's pre-0.55 file path, which Monaco's exports map no longer
        // allows; point it at the file.
        { find: 'monaco-editor/esm/vs/editor/editor.worker.js', replacement: resolve('node_modules/monaco-editor/esm/vs/editor/editor.worker.js') },
      ],
    },
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves the renderer unminified; minified, the start bundle and Monaco parse faster.
      // PORTOLAN_NO_MINIFY=1 npm run build keeps the names readable in a CPU profile of the page.
      minify: !process.env.PORTOLAN_NO_MINIFY,
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
