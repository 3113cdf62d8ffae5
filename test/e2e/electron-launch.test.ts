/**
 * Opens the real app with Playwright's Electron driver: the built main, preload and renderer, a real
 * PostgreSQL database and a temporary SQLite store. Runs wherever the Electron binary is installed
 * (npm start's pre-start step downloads it) together with the Electron-ABI better-sqlite3 build.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CHANNELS } from '../../src/shared/ipc-contract';
import { findSqliteBinding } from '../../src/main/platform/sqlite-binding';
import { createTestDatabase, type TestDatabase } from '../support/postgres/database';

const root = join(__dirname, '..', '..');
const electronDir = join(root, 'node_modules', 'electron');
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version as string;

/**
 * The binary's path as require('electron') would return it, read without requiring it: electron's
 * index.js starts a download when the binary is missing, which a test must never do.
 */
function installedElectron(): string | null {
  try {
    const rel = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    const binary = join(electronDir, 'dist', rel);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electronPath = installedElectron();
const binding = findSqliteBinding(root, electronVersion);
const skipReason = !electronPath
  ? `the Electron ${electronVersion} binary is not installed (electron has no postinstall and this machine cannot download it; "npm start" installs it where a network is available)`
  : !binding.exists
    ? `the Electron build of better-sqlite3 is missing at ${binding.path} (run "node scripts/prestart.mjs")`
    : null;

describe('Electron app', () => {
  let app: ElectronApplication | null = null;
  let db: TestDatabase | null = null;
  let storeDir: string | null = null;

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    if (storeDir) rmSync(storeDir, { recursive: true, force: true });
  });

  // Skipped, with the reason in its name, where the Electron binary (or its SQLite build) is absent.
  it.skipIf(skipReason !== null)(
    `opens the console window with the secure bridge${skipReason ? ` [skipped: ${skipReason}]` : ''}`,
    async () => {
      const { build } = await import('electron-vite');
      await build({ root, configFile: join(root, 'electron.vite.config.ts'), logLevel: 'warn' });

      db = await createTestDatabase(inject('pgAdminUrl'));
      storeDir = mkdtempSync(join(tmpdir(), 'electron-launch-'));
      app = await _electron.launch({
        executablePath: electronPath!,
        args: [root, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
        env: {
          ...process.env,
          DATABASE_URL: db.url,
          ELYSIA_SYNC_DB: join(storeDir, 'sync.db'),
          ELECTRON_RENDERER_URL: '',
        },
        timeout: 60_000,
      });
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(await page.title()).toBe('Elysia Sync Console');

      // The page has no Node: only the bridge's methods.
      const surface = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        methods: Object.keys((window as unknown as { api: object }).api).sort(),
      }));
      expect(surface.require).toBe('undefined');
      expect(surface.process).toBe('undefined');
      expect(surface.methods).toEqual([...Object.values(CHANNELS).map((c) => c.method), 'on'].sort());

      // A real round trip through ipcMain, the wrapper and the core.
      const health = await page.evaluate(() =>
        (window as unknown as { api: { getHealth(): Promise<unknown> } }).api.getHealth(),
      );
      expect(health).toMatchObject({ ok: true, data: { postgres: { ok: true }, store: { ok: true } } });

      // Navigation away from the app is refused: the window keeps showing the console.
      const before = page.url();
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe(before);
    },
    180_000,
  );
});
