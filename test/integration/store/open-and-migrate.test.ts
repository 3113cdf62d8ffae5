import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { LATEST_SCHEMA_VERSION, openStore, type Store } from '../../../src/main/core/store';
import { migrate } from '../../../src/main/core/store/migrate';
import { MIGRATIONS, type Migration } from '../../../src/main/core/store/migrations';

let dir: string;
const opened: Store[] = [];
const open = (...args: Parameters<typeof openStore>) => {
  const s = openStore(...args);
  opened.push(s);
  return s;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-open-'));
});
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

function expectStoreError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('STORE_ERROR');
    return err as AppError;
  }
  throw new Error('expected a STORE_ERROR, nothing was thrown');
}

const tables = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
  } finally {
    db.close();
  }
};

describe('openStore: creating and migrating the file', () => {
  it('creates missing folders, applies every migration from empty and uses WAL and foreign keys', () => {
    const file = join(dir, 'nested', 'deeper', 'history.db');
    const store = open(file);
    expect(store.path).toBe(file);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.interruptedOnOpen).toBe(0);
    store.close();

    expect(tables(file)).toEqual(
      expect.arrayContaining(['schema_migrations', 'sync_runs', 'run_log_lines', 'failed_objects', 'user_type_state', 'audit_log', 'settings', 'secrets']),
    );
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it('re-opening an up-to-date file applies nothing and keeps the data', () => {
    const file = join(dir, 'h.db');
    const first = open(file);
    first.settings.set('batchSize', '250');
    first.close();

    const second = open(file);
    expect(second.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(second.settings.get('batchSize')).toBe('250');
    second.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    db.close();
  });

  it('turns foreign keys on for the connection (a log line for an unknown run is refused)', () => {
    const store = open(join(dir, 'fk.db'));
    expect(() => store.logs.append('no-such-run', 'info', 'x')).toThrow(/sync run no-such-run not found/);
  });

  it('refuses a file whose schema is newer than this code knows, naming both versions and the file', () => {
    const file = join(dir, 'future.db');
    open(file).close();
    const db = new Database(file);
    db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from-the-future', '2030-01-01T00:00:00.000Z')`).run();
    db.close();

    const err = expectStoreError(() => openStore(file));
    expect(err.message).toContain(file);
    expect(err.message).toContain('schema version 99');
    expect(err.message).toContain(`(${LATEST_SCHEMA_VERSION})`);
    expect(err.message).toMatch(/upgrade/i);
  });

  it('applies a later step to an existing file, and a step that fails is rolled back whole', () => {
    const file = join(dir, 'steps.db');
    open(file).close();
    const good: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'add-note',
      up: (db) => db.exec('ALTER TABLE sync_runs ADD COLUMN note TEXT'),
    };
    const bad: Migration = {
      version: LATEST_SCHEMA_VERSION + 2,
      name: 'half-done',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        db.exec('THIS IS NOT SQL');
      },
    };
    const db = new Database(file);
    try {
      expect(migrate(db, file, [...MIGRATIONS, good])).toBe(LATEST_SCHEMA_VERSION + 1);
      expect(db.prepare('SELECT note FROM sync_runs').all()).toEqual([]);
      expect(() => migrate(db, file, [...MIGRATIONS, good, bad])).toThrow(/syntax error/);
      expect(db.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'`).pluck().get()).toBe(0);
      expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(LATEST_SCHEMA_VERSION + 1);
    } finally {
      db.close();
    }
  });
});

describe('openStore: failures are STORE_ERRORs that name the file and what to do', () => {
  it('a folder that cannot be created (a file stands in its way)', () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'plain file');
    const file = join(blocker, 'sub', 'history.db');
    const err = expectStoreError(() => openStore(file));
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/writable|ELYSIA_SYNC_DB/);
  });

  // root bypasses file modes, so as root the check runs in a child process under an unprivileged uid.
  const canDropPrivileges = process.getuid?.() !== 0 || existsSync('/usr/bin/setpriv');
  it.skipIf(!canDropPrivileges)('a folder without write permission, and one that cannot be created in it', () => {
    chmodSync(dir, 0o755);
    const locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    chmodSync(locked, 0o555);
    const targets = [join(locked, 'history.db'), join(locked, 'sub', 'history.db')];
    const script = join(dir, 'open-unwritable.ts');
    const storeIndex = resolve(__dirname, '../../../src/main/core/store/index.ts');
    writeFileSync(
      script,
      `import { openStore } from ${JSON.stringify(storeIndex)};
const out = [];
for (const file of ${JSON.stringify(targets)}) {
  try { openStore(file).close(); out.push({ code: 'opened', message: '' }); }
  catch (err) { out.push({ code: err.code, message: err.message }); }
}
process.stdout.write(JSON.stringify(out));
`,
    );
    const node = [process.execPath, '--import', 'tsx', script];
    const cmd = process.getuid?.() === 0 ? ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...node] : node;
    const run = spawnSync(cmd[0], cmd.slice(1), { cwd: resolve(__dirname, '../../..'), encoding: 'utf8', env: { ...process.env, HOME: dir } });
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(run.stdout) as { code: string; message: string }[];
    results.forEach((r, i) => {
      expect(r.code).toBe('STORE_ERROR');
      expect(r.message).toContain(targets[i]);
      expect(r.message).toMatch(/writable/);
    });
  });

  it('a file that is not an SQLite database', () => {
    const file = join(dir, 'notes.db');
    writeFileSync(file, 'these are my notes, not a database. '.repeat(200));
    const err = expectStoreError(() => openStore(file));
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/not an SQLite database/);
  });

  it('a database of another application is refused and left untouched', () => {
    const file = join(dir, 'other-app.db');
    const other = new Database(file);
    other.exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('x')`);
    other.close();
    const err = expectStoreError(() => openStore(file));
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/another application \(tables: customers\)/);
    expect(tables(file)).toEqual(['customers']);
  });

  it('a file whose write lock another process holds', () => {
    const file = join(dir, 'busy.db');
    open(file).close();
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    other.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 'now')`).run();
    try {
      const err = expectStoreError(() => openStore(file, { busyTimeoutMs: 50 }));
      expect(err.message).toContain(file);
      expect(err.message).toMatch(/lock/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // Once the lock is gone the same file opens.
    expect(open(file).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('passes nativeBinding to better-sqlite3: the Node build loads, a missing one is a STORE_ERROR', () => {
    const require = createRequire(__filename);
    const pkg = dirname(require.resolve('better-sqlite3/package.json'));
    const build = join(pkg, 'build', 'Release', 'better_sqlite3.node');
    expect(open(join(dir, 'nb.db'), { nativeBinding: build }).health().ok).toBe(true);

    const missing = join(dir, 'no-such-binding.node');
    const err = expectStoreError(() => openStore(join(dir, 'nb2.db'), { nativeBinding: missing }));
    expect(err.message).toContain(join(dir, 'nb2.db'));
  });
});

describe('health', () => {
  it('reports the SQLite and schema versions, the path and a latency; closed is not ok', () => {
    const file = join(dir, 'health.db');
    const at = new Date('2026-03-01T10:00:00Z');
    const store = openStore(file, { now: () => at });
    const h = store.health();
    expect(h).toMatchObject({ component: 'store', ok: true, target: file, error: null, hint: null, checkedAt: at.toISOString() });
    expect(h.version).toMatch(new RegExp(`^SQLite 3\\.\\d+\\.\\d+, schema ${LATEST_SCHEMA_VERSION}$`));
    expect(h.latencyMs).toBeGreaterThanOrEqual(0);

    store.close();
    store.close(); // idempotent
    const after = store.health();
    expect(after.ok).toBe(false);
    expect(after.error).toMatch(/closed/);
  });
});
