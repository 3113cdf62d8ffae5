import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { ComponentHealth } from '../../../shared/domain';
import { createAuditRepo } from './audit-repo';
import { createFailuresRepo } from './failures-repo';
import { createLogsRepo } from './logs-repo';
import { migrate } from './migrate';
import { openFailure } from './open-errors';
import { isOwnerAlive, newOwnerToken, releaseOwnerToken } from './run-owner';
import { createRunsRepo, interruptOrphanedRuns } from './runs-repo';
import { createSettingsRepo } from './settings-repo';
import { createStateRepo } from './state-repo';
import type { OpenStoreOptions, Store } from './store-types';

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) the SQLite file that holds sync history, run logs, per-user state,
 * the audit log and settings; applies pending migrations; and marks runs that a dead process left
 * queued or running as interrupted. Failures are STORE_ERRORs naming the file and what to do.
 */
export function openStore(filePath: string, opts: OpenStoreOptions = {}): Store {
  const now = opts.now ?? (() => new Date());
  const path = filePath === ':memory:' ? filePath : resolve(filePath);
  let db: Database.Database | undefined;
  let owner: string | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
    // busy_timeout first: the pragmas below and the migrations may wait on another process's lock.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL is durable across application crashes; only an OS crash may lose the last commit.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const schemaVersion = migrate(db, path);
    owner = newOwnerToken();
    const conn = db;
    const interruptedOnOpen = conn
      .transaction(() => interruptOrphanedRuns(conn, now().toISOString(), isOwnerAlive))
      .immediate();
    return assemble(conn, path, schemaVersion, interruptedOnOpen, owner, now);
  } catch (err) {
    if (owner) releaseOwnerToken(owner);
    try {
      db?.close();
    } catch {
      // already failing: the first error is the one to report
    }
    throw openFailure(path, err);
  }
}

function assemble(
  db: Database.Database,
  path: string,
  schemaVersion: number,
  interruptedOnOpen: number,
  owner: string,
  now: () => Date,
): Store {
  const sqliteVersion = db.prepare('SELECT sqlite_version()').pluck().get() as string;
  let closed = false;

  function health(): ComponentHealth {
    const checkedAt = now().toISOString();
    const version = `SQLite ${sqliteVersion}, schema ${schemaVersion}`;
    if (closed) {
      return { component: 'store', ok: false, target: path, version, latencyMs: null, error: 'the store is closed', hint: 'restart the console or CLI', checkedAt };
    }
    try {
      const started = performance.now();
      db.prepare('SELECT 1').get();
      const latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
      return { component: 'store', ok: true, target: path, version, latencyMs, error: null, hint: null, checkedAt };
    } catch (err) {
      return {
        component: 'store',
        ok: false,
        target: path,
        version,
        latencyMs: null,
        error: err instanceof Error ? err.message : String(err),
        hint: 'check that the file and its folder are still there and writable',
        checkedAt,
      };
    }
  }

  return {
    path,
    interruptedOnOpen,
    schemaVersion,
    runs: createRunsRepo(db, now, owner),
    logs: createLogsRepo(db, now),
    failures: createFailuresRepo(db),
    state: createStateRepo(db),
    audit: createAuditRepo(db, now),
    settings: createSettingsRepo(db, now),
    health,
    close() {
      if (closed) return;
      closed = true;
      releaseOwnerToken(owner);
      db.close();
    },
  };
}
