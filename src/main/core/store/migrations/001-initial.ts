import type { Migration } from './migration';

/**
 * Initial schema: sync runs with their log lines and refused objects, the per-user per-type sync
 * state, the audit log and saved settings. Times are ISO 8601 UTC strings (toISOString), so text
 * order is time order. Every list query has an index that serves its filter and its newest-first order.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE sync_runs (
        id                TEXT PRIMARY KEY,
        user_id           TEXT NOT NULL,
        type              TEXT NOT NULL CHECK (type IN ('all', 'transactions', 'accounts', 'profile')),
        trigger           TEXT NOT NULL CHECK (trigger IN ('manual', 'bulk', 'cli', 'schedule')),
        actor             TEXT NOT NULL,
        status            TEXT NOT NULL CHECK (status IN
                            ('queued', 'running', 'succeeded', 'partial', 'failed', 'cancelled', 'interrupted')),
        transaction_limit INTEGER NOT NULL CHECK (transaction_limit >= 0),
        queued_at         TEXT NOT NULL,
        started_at        TEXT,
        finished_at       TEXT,
        counts            TEXT NOT NULL DEFAULT '{}',
        error             TEXT,
        -- host:pid:instance of the store that created the run; tells a live run from one left by a dead process
        owner             TEXT NOT NULL
      );
      CREATE INDEX sync_runs_by_time    ON sync_runs (queued_at);
      CREATE INDEX sync_runs_by_user    ON sync_runs (user_id, queued_at);
      CREATE INDEX sync_runs_by_type    ON sync_runs (type, queued_at);
      CREATE INDEX sync_runs_by_status  ON sync_runs (status, queued_at);
      CREATE INDEX sync_runs_by_trigger ON sync_runs (trigger, queued_at);

      CREATE TABLE run_log_lines (
        run_id  TEXT NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
        seq     INTEGER NOT NULL,
        time    TEXT NOT NULL,
        level   TEXT NOT NULL CHECK (level IN ('info', 'warn', 'error')),
        message TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      ) WITHOUT ROWID;

      CREATE TABLE failed_objects (
        id        INTEGER PRIMARY KEY,
        run_id    TEXT NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
        data_type TEXT NOT NULL CHECK (data_type IN ('profile', 'accounts', 'transactions')),
        object_id TEXT NOT NULL,
        source_id TEXT NOT NULL,
        message   TEXT NOT NULL
      );
      CREATE INDEX failed_objects_by_run ON failed_objects (run_id, id);

      CREATE TABLE user_type_state (
        user_id         TEXT NOT NULL,
        data_type       TEXT NOT NULL CHECK (data_type IN ('profile', 'accounts', 'transactions')),
        last_success_at TEXT,
        last_run_at     TEXT NOT NULL,
        last_status     TEXT NOT NULL CHECK (last_status IN ('succeeded', 'partial', 'failed')),
        last_error      TEXT,
        last_run_id     TEXT NOT NULL,
        written_count   INTEGER NOT NULL,
        expected_count  INTEGER NOT NULL,
        PRIMARY KEY (user_id, data_type)
      ) WITHOUT ROWID;

      CREATE TABLE audit_log (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        time    TEXT NOT NULL,
        actor   TEXT NOT NULL,
        action  TEXT NOT NULL,
        user_id TEXT,
        params  TEXT NOT NULL DEFAULT '{}',
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'error')),
        error   TEXT
      );
      CREATE INDEX audit_log_by_time    ON audit_log (time, id);
      CREATE INDEX audit_log_by_actor   ON audit_log (actor, time, id);
      CREATE INDEX audit_log_by_action  ON audit_log (action, time, id);
      CREATE INDEX audit_log_by_user    ON audit_log (user_id, time, id);
      CREATE INDEX audit_log_by_outcome ON audit_log (outcome, time, id);

      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;

      -- Encrypted by the caller (Electron safeStorage); the store only keeps the bytes.
      CREATE TABLE secrets (
        key        TEXT PRIMARY KEY,
        value      BLOB NOT NULL,
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
