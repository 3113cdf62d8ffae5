import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

function currentVersion(db: Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Brings the file up to the newest schema this code knows, one step per transaction.
 * Each step takes the write lock (BEGIN IMMEDIATE) and re-reads the version inside it, so a
 * console and a CLI opening the same new file at once do not both apply a step.
 * Returns the schema version of the file afterwards.
 */
export function migrate(db: Database, filePath: string, migrations: readonly Migration[] = MIGRATIONS): number {
  refuseForeignDatabase(db, filePath);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  const found = currentVersion(db);
  if (found > latest) throw tooNew(filePath, found, latest);

  for (const step of migrations) {
    const apply = db.transaction(() => {
      const now = currentVersion(db);
      if (now > latest) throw tooNew(filePath, now, latest);
      if (now >= step.version) return;
      if (now !== step.version - 1) {
        throw new AppError(
          'STORE_ERROR',
          `the sync history store at ${filePath} is at schema version ${now} but the next step is ${step.version}; ` +
            'the file is damaged or was edited by hand: move it away so a fresh one is created',
        );
      }
      step.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        step.version,
        step.name,
        new Date().toISOString(),
      );
    });
    apply.immediate();
  }
  return currentVersion(db);
}

/**
 * ELYSIA_SYNC_DB pointed at another application's database must not get our tables mixed into it.
 * A file with tables but no schema_migrations table is not ours.
 */
function refuseForeignDatabase(db: Database, filePath: string): void {
  const names = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)
    .pluck()
    .all() as string[];
  if (names.length && !names.includes('schema_migrations')) {
    throw new AppError(
      'STORE_ERROR',
      `the file ${filePath} is an SQLite database of another application (tables: ${names.slice(0, 5).join(', ')}` +
        `${names.length > 5 ? ', …' : ''}), not a sync history store; set ELYSIA_SYNC_DB to another file`,
    );
  }
}

function tooNew(filePath: string, found: number, known: number): AppError {
  return new AppError(
    'STORE_ERROR',
    `the sync history store at ${filePath} has schema version ${found}, newer than this version of the ` +
      `console understands (${known}); it was written by a newer release. Upgrade the console or CLI, or ` +
      'point ELYSIA_SYNC_DB at another file',
  );
}

export { LATEST_SCHEMA_VERSION };
