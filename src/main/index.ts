/**
 * Electron main: lifecycle only. One instance; on ready: core service -> IPC -> window; quit when the
 * last window closes (except macOS, where apps stay in the dock); close the service on quit.
 */
import { app, BrowserWindow, dialog, shell } from 'electron';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { ConsoleApi } from '../shared/console-api';
import { createConsoleApi } from './core/api';
import { redactSecrets } from './core/redact';
import { routeClientRetryWarnings } from './core/target/client-warnings';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { chooseExportPath } from './platform/save-dialog';
import { createSafeStorageCipher } from './platform/secret-cipher';
import { findSqliteBinding } from './platform/sqlite-binding';
import { appLocation, createMainWindow, hardenSession } from './window';

let mainWindow: BrowserWindow | null = null;
let api: ConsoleApi | null = null;
let unregister: (() => void) | null = null;

const location = appLocation(process.env, join(__dirname, '../renderer/index.html'));

function operatorName(): string {
  try {
    return userInfo().username || 'operator';
  } catch {
    return process.env.USER || process.env.USERNAME || 'operator';
  }
}

function openWindow(): BrowserWindow {
  mainWindow = createMainWindow({
    app: location,
    preloadPath: join(__dirname, '../preload/index.js'),
    iconPath: join(app.getAppPath(), 'resources', 'icon.png'),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  return mainWindow;
}

async function start(): Promise<void> {
  routeClientRetryWarnings((line) => console.warn(`[weaviate] ${line}`));
  const binding = findSqliteBinding(app.getAppPath(), process.versions.electron);
  if (!binding.exists) {
    throw new Error(
      `The Electron build of better-sqlite3 is missing (${binding.path}). Run "npm start", whose ` +
        'pre-start step prepares it, or "node scripts/prestart.mjs".',
    );
  }
  api = await createConsoleApi({
    env: process.env,
    cipher: createSafeStorageCipher(),
    nativeBinding: binding.path,
    storeDir: app.getPath('userData'),
    scheduler: true,
  });
  const handlers = createHandlers(api, {
    actor: operatorName(),
    chooseExportPath: () => chooseExportPath(mainWindow),
    openExternal: (url) => shell.openExternal(url),
  });
  hardenSession(location);
  unregister = registerIpc({ api, handlers, getWindow: () => mainWindow, app: location });
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.whenReady().then(start).catch((err: unknown) => {
    const message = redactSecrets(err instanceof Error ? err.message : String(err));
    dialog.showErrorBox('Elysia Sync Console could not start', message);
    app.exit(1);
  });

  app.on('activate', () => {
    if (api && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Close the store and the connection pools before exiting, so SQLite's WAL is checkpointed and
  // running jobs are marked as interrupted rather than left "running".
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing || !api) return;
    closing = true;
    event.preventDefault();
    unregister?.();
    api
      .close()
      .catch((err: unknown) => console.error('[main] closing the core failed:', redactSecrets(String(err))))
      .finally(() => app.quit());
  });
}
