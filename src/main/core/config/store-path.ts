/**
 * Default location of the local SQLite store: the OS's per-user application data folder, the same
 * place Electron's app.getPath('appData') points to, so the console and the CLI share one history.
 */
import { homedir } from 'node:os';
import { win32, posix } from 'node:path';

export const APP_FOLDER = 'elysia-sync-console';
export const STORE_FILE = 'sync.db';

export function defaultStoreDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const set = (v: string | undefined) => (v && v.trim() !== '' ? v : undefined);
  if (platform === 'win32') {
    const appData = set(env.APPDATA) ?? win32.join(home, 'AppData', 'Roaming');
    return win32.join(appData, APP_FOLDER);
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_FOLDER);
  return posix.join(set(env.XDG_CONFIG_HOME) ?? posix.join(home, '.config'), APP_FOLDER);
}

export function defaultStorePath(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const dir = defaultStoreDir(env, platform, home);
  return platform === 'win32' ? win32.join(dir, STORE_FILE) : posix.join(dir, STORE_FILE);
}
