/**
 * The main entry's lifecycle with Electron replaced: the single-instance lock, ready -> core service
 * (a real SQLite store; the Node build of better-sqlite3 stands in for the Electron one through the
 * same nativeBinding path) -> IPC -> window, quitting when the last window closes, closing on quit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../src/shared/ipc-contract';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const root = join(__dirname, '..', '..', '..');
const nodeBuild = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const savedEnv = { ...process.env };
let dir: string;
// vi.resetModules() gives every test a fresh main entry; the mocked 'electron' stays the one the
// entry sees, so the test reaches the fake through import('electron') too.
type Fake = typeof import('./fake-electron');
let FakeBrowserWindow: Fake['FakeBrowserWindow'];
let fakeElectron: Fake['fakeElectron'];
let ipcMainHandlers: Fake['ipcMainHandlers'];

const appListener = (event: string) => {
  const call = fakeElectron.app.on.mock.calls.find((c) => c[0] === event);
  return call?.[1] as ((...args: unknown[]) => void) | undefined;
};

beforeEach(async () => {
  vi.resetModules();
  fakeElectron = (await import('electron')) as unknown as Fake['fakeElectron'];
  FakeBrowserWindow = fakeElectron.BrowserWindow;
  ipcMainHandlers = fakeElectron.ipcMain.registered;
  dir = mkdtempSync(join(tmpdir(), 'lifecycle-'));
  FakeBrowserWindow.created.length = 0;
  ipcMainHandlers.clear();
  fakeElectron.app.on.mockClear();
  fakeElectron.app.quit.mockClear();
  fakeElectron.app.exit.mockClear();
  fakeElectron.dialog.showErrorBox.mockClear();
  fakeElectron.app.requestSingleInstanceLock.mockReturnValue(true);
  fakeElectron.app.getPath.mockReturnValue(dir);
  process.env.ELYSIA_SYNC_DB = join(dir, 'sync.db');
  process.env.ELYSIA_SQLITE_BINDING = nodeBuild;
  delete process.env.DATABASE_URL;
  delete process.env.ELECTRON_RENDERER_URL;
  (process.versions as Record<string, string>).electron = '45.6.1';
});

afterEach(async () => {
  // Let the entry close its core service so the SQLite file is released before it is removed.
  const willQuit = appListener('will-quit');
  if (willQuit && FakeBrowserWindow.created.length > 0) {
    willQuit({ preventDefault: () => {} });
    await vi.waitFor(() => expect(fakeElectron.app.quit).toHaveBeenCalled());
  }
  process.env = { ...savedEnv };
  delete (process.versions as Record<string, string | undefined>).electron;
  rmSync(dir, { recursive: true, force: true });
});

describe('main entry', () => {
  it('on ready creates the core, registers every channel and opens one secure window', async () => {
    await import('../../../src/main/index');
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1), { timeout: 10_000 });
    expect([...ipcMainHandlers.keys()].sort()).toEqual(Object.keys(CHANNELS).sort());
    const win = FakeBrowserWindow.created[0];
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.js$/);
    expect(win.loadedUrl).toMatch(/^file:\/\/.*renderer\/index\.html$/);
    expect(fakeElectron.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('quits when the last window closes (except on macOS)', async () => {
    await import('../../../src/main/index');
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1), { timeout: 10_000 });
    appListener('window-all-closed')!();
    expect(fakeElectron.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('closes the core before letting the app quit', async () => {
    await import('../../../src/main/index');
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1), { timeout: 10_000 });
    const event = { preventDefault: vi.fn() };
    appListener('will-quit')!(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fakeElectron.app.quit).toHaveBeenCalled());
    // Unregistered on the way out.
    expect(ipcMainHandlers.size).toBe(0);
  });

  it('a second instance quits at once and opens nothing', async () => {
    fakeElectron.app.requestSingleInstanceLock.mockReturnValue(false);
    await import('../../../src/main/index');
    expect(fakeElectron.app.quit).toHaveBeenCalled();
    expect(appListener('window-all-closed')).toBeUndefined();
    await new Promise((r) => setTimeout(r, 50));
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('explains a missing Electron build of better-sqlite3 and exits', async () => {
    process.env.ELYSIA_SQLITE_BINDING = join(dir, 'missing.node');
    await import('../../../src/main/index');
    await vi.waitFor(() => expect(fakeElectron.app.exit).toHaveBeenCalledWith(1));
    const [title, message] = fakeElectron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toMatch(/could not start/);
    expect(message).toContain('missing.node');
    expect(message).toContain('prestart');
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });
});
