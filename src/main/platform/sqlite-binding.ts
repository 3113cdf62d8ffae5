/**
 * Where the Electron-ABI build of better-sqlite3 lives. node_modules/better-sqlite3/build holds the
 * Node build the tests use; the app loads its own copy through better-sqlite3's `nativeBinding`
 * option, prepared by scripts/prestart.mjs at this same path (DESIGN.md §7).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const SQLITE_BINDING_ENV = 'ELYSIA_SQLITE_BINDING';

/** Must stay equal to bindingPath() in scripts/prestart.mjs (a unit test compares them). */
export function electronSqliteBindingPath(appRoot: string, electronVersion: string): string {
  return join(appRoot, '.cache', 'electron-sqlite', electronVersion, 'better_sqlite3.node');
}

export interface SqliteBindingLookup {
  path: string;
  exists: boolean;
}

/** An explicit ELYSIA_SQLITE_BINDING wins (packaged builds, custom locations). */
export function findSqliteBinding(
  appRoot: string,
  electronVersion: string,
  env: NodeJS.ProcessEnv = process.env,
): SqliteBindingLookup {
  const path = env[SQLITE_BINDING_ENV]?.trim() || electronSqliteBindingPath(appRoot, electronVersion);
  return { path, exists: existsSync(path) };
}
