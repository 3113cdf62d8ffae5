/**
 * Everything a browser end-to-end test needs, all real except Electron itself: a PostgreSQL test
 * database, the Weaviate double, the core service on a temporary SQLite file, the built renderer on
 * 127.0.0.1, and Chromium whose window.api calls the same handler table and wrapper as ipcMain.
 * Events reach the page through the same forwarder (throttled progress) and health monitor main uses.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createConsoleApi, type ConsoleService } from '../../../src/main/core/api';
import { createHandlers } from '../../../src/main/ipc/handlers';
import { forwardEvents } from '../../../src/main/ipc/event-forwarder';
import { startHealthMonitor, type HealthMonitor } from '../../../src/main/ipc/health-monitor';
import { createTestDatabase, type TestDatabase } from '../postgres/database';
import { startWeaviateDouble, type WeaviateDouble } from '../weaviate-double';
import { buildRenderer } from './build-renderer';
import { launchChromium } from './browser';
import { serveStatic, type StaticServer } from './static-server';
import { installWindowApi, type WindowApiBridge } from './window-api-bridge';

export const SCREENSHOT_DIR = resolve(__dirname, '../../artifacts/screenshots');

export interface ConsoleHarnessOptions {
  pgAdminUrl: string;
  colorScheme?: 'light' | 'dark';
  /** Gap between two progress events of one run (main uses 250 ms). */
  progressIntervalMs?: number;
  /** How often the health monitor checks (main checks every 30 s; tests want outages seen fast). */
  healthIntervalMs?: number;
}

export interface ConsoleHarness {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  api: ConsoleService;
  db: TestDatabase;
  weaviate: WeaviateDouble;
  bridge: WindowApiBridge;
  /** Where "Export CSV" writes (the save dialog's answer). */
  exportPath: string;
  /** Makes the save dialog answer "cancelled" (true) or the export path again (false). */
  cancelExportDialog(cancel: boolean): void;
  /** Errors the page logged or threw (a test can assert there were none). */
  pageErrors: string[];
  /** Loads the console page (again). */
  open(): Promise<void>;
  /**
   * Saves a screenshot under test/artifacts/screenshots/<name>.png and returns its path.
   * `clean` dismisses notifications first, for pictures of a view itself.
   */
  screenshot(name: string, opts?: { clean?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export const E2E_ACTOR = 'e2e-operator';

export async function startConsoleHarness(opts: ConsoleHarnessOptions): Promise<ConsoleHarness> {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  const close = async () => {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
  };
  try {
    const temp = mkdtempSync(join(tmpdir(), 'console-e2e-'));
    cleanups.push(() => rmSync(temp, { recursive: true, force: true }));

    const rendererDir = await buildRenderer();
    const server: StaticServer = await serveStatic(rendererDir);
    cleanups.push(() => server.close());

    const db = await createTestDatabase(opts.pgAdminUrl);
    cleanups.push(() => db.drop());

    const weaviate = await startWeaviateDouble({ host: '127.0.0.1', httpPort: 0, grpcPort: 0 });
    cleanups.push(() => weaviate.stop());

    const api = await createConsoleApi({
      env: {
        DATABASE_URL: db.url,
        WCD_URL: weaviate.httpUrl,
        LOCAL_WEAVIATE_GRPC_PORT: String(weaviate.grpcPort),
        ELYSIA_SYNC_DB: join(temp, 'sync.db'),
        SYNC_AUTO_ENABLED: 'false',
      },
      // As in the app: settings saved in the window apply (without a cipher, secrets are refused).
      useSavedSettings: true,
    });
    cleanups.push(() => api.close());

    const exportPath = join(temp, 'audit-export.csv');
    let dialogCancelled = false;
    const handlers = createHandlers(api, {
      actor: E2E_ACTOR,
      chooseExportPath: async () => (dialogCancelled ? null : exportPath),
      openExternal: async () => undefined,
    });

    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      colorScheme: opts.colorScheme ?? 'light',
      // Fixed so dates typed into datetime-local inputs and numbers on screen are predictable.
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });

    const bridge = await installWindowApi(page, handlers);
    const stopForwarding = forwardEvents(api, bridge.send, { progressIntervalMs: opts.progressIntervalMs ?? 100 });
    cleanups.push(stopForwarding);
    // Registered after the core, so closing stops the monitor before the service goes away.
    const monitor: HealthMonitor = startHealthMonitor(api, (r) => bridge.send('health:changed', r), opts.healthIntervalMs ?? 1000);
    cleanups.push(() => monitor.stop());

    const url = server.url;
    return {
      browser,
      context,
      page,
      api,
      db,
      weaviate,
      bridge,
      exportPath,
      cancelExportDialog: (cancel) => {
        dialogCancelled = cancel;
      },
      pageErrors,
      open: async () => {
        await page.goto(url);
        await page.getByRole('navigation', { name: 'Main' }).waitFor();
      },
      screenshot: async (name, shotOpts) => {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        if (shotOpts?.clean) {
          const dismiss = page.getByRole('button', { name: 'Dismiss notification' });
          while ((await dismiss.count()) > 0) await dismiss.first().click();
        }
        const path = join(SCREENSHOT_DIR, `${name}.png`);
        await page.screenshot({ path });
        return path;
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
