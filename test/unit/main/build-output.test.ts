/**
 * Builds the app with the project's electron-vite config into a temporary folder and checks what the
 * sandbox requires of it: the preload is one CommonJS file whose only import is 'electron', and the
 * main bundle loads native and heavyweight packages from node_modules instead of inlining them.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'electron-build-'));
  const { build } = await import('electron-vite');
  await build({ root, configFile: join(root, 'electron.vite.config.ts'), logLevel: 'silent', build: { outDir } });
}, 120_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

const requiresOf = (code: string) => [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);

describe('build output', () => {
  it('emits a single CommonJS preload that requires only electron', () => {
    expect(readdirSync(join(outDir, 'preload'))).toEqual(['index.js']);
    const code = readFileSync(join(outDir, 'preload', 'index.js'), 'utf8');
    expect(new Set(requiresOf(code))).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/\bimport\(/);
    expect(code).toContain('exposeInMainWorld');
  });

  it('keeps better-sqlite3, pg and weaviate-client external in main', () => {
    const code = readFileSync(join(outDir, 'main', 'index.js'), 'utf8');
    const required = requiresOf(code);
    for (const name of ['better-sqlite3', 'pg', 'weaviate-client', 'electron']) expect(required).toContain(name);
  });

  it('emits the renderer page', () => {
    expect(existsSync(join(outDir, 'renderer', 'index.html'))).toBe(true);
  });
});
