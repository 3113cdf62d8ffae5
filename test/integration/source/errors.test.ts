import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import { createTestDatabase, type TestDatabase } from '../../support/postgres/database';
import { AppError } from '../../../src/shared/errors';
import {
  checkPostgres,
  createSourcePool,
  getUser,
  listUsers,
  SourceError,
  describeSourceError,
  toSourceError,
} from '../../../src/main/core/source';

let db: TestDatabase;

/** A port on which nothing listens (bound, then closed). */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** A server that accepts connections and never answers: the hang a firewall or a stuck server gives. */
let silent: Server;
const sockets: Socket[] = [];
let silentPort = 0;

beforeAll(async () => {
  db = await createTestDatabase(inject('pgAdminUrl'));
  silent = createServer((s) => sockets.push(s));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  silentPort = (silent.address() as { port: number }).port;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
  await db?.drop();
});

function withUrl(base: string, change: (u: URL) => void): string {
  const u = new URL(base);
  change(u);
  return u.toString();
}

describe('source errors', () => {
  it('reports a refused connection with host:port and a hint, never the password', async () => {
    const port = await closedPort();
    const url = `postgres://app:S3cret-pw@127.0.0.1:${port}/finance`;
    const pool = createSourcePool(url, { connectTimeoutMs: 2000 });
    try {
      const err = await getUser(pool, 'x').then(
        () => null,
        (e) => toSourceError(e, url),
      );
      expect(err).toBeInstanceOf(AppError);
      expect(err!.code).toBe('POSTGRES_UNAVAILABLE');
      expect(err!.message).toContain(`127.0.0.1:${port}`);
      expect(err!.message).toContain('refused the connection');
      expect(err!.message).toContain('DATABASE_URL');
      expect(err!.message).not.toContain('S3cret-pw');
      expect((err as SourceError).hint).toMatch(/running/);
    } finally {
      await pool.end();
    }
  });

  it('gives up on a server that never answers after the connect timeout', async () => {
    const url = `postgres://app:pw@127.0.0.1:${silentPort}/finance`;
    const pool = createSourcePool(url, { connectTimeoutMs: 400 });
    try {
      const err = await listUsers(pool, { sort: 'id', direction: 'asc', offset: 0, limit: 1 }).then(
        () => null,
        (e) => toSourceError(e, url, { timeoutMs: 400 }),
      );
      expect(err!.code).toBe('POSTGRES_UNAVAILABLE');
      expect(err!.message).toContain(`PostgreSQL at 127.0.0.1:${silentPort} did not answer within 400 ms`);
      const health = await checkPostgres(pool, url);
      expect(health).toMatchObject({
        component: 'postgres',
        ok: false,
        target: `127.0.0.1:${silentPort}`,
        version: null,
        latencyMs: null,
      });
      expect(health.error).toContain('did not answer within 400 ms');
      expect(health.hint).toMatch(/firewall/);
    } finally {
      await pool.end();
    }
  });

  it('names an unknown database', async () => {
    const url = withUrl(db.url, (u) => (u.pathname = '/no_such_db'));
    const pool = createSourcePool(url, { connectTimeoutMs: 3000 });
    try {
      const health = await checkPostgres(pool, url);
      expect(health.ok).toBe(false);
      expect(health.error).toContain('database "no_such_db" does not exist');
    } finally {
      await pool.end();
    }
  });

  it('names an unknown host', async () => {
    const url = 'postgres://app:pw@no-such-host.invalid:5432/finance';
    const pool = createSourcePool(url, { connectTimeoutMs: 3000 });
    try {
      const health = await checkPostgres(pool, url);
      expect(health.ok).toBe(false);
      expect(health.target).toBe('no-such-host.invalid:5432');
      // Without DNS at all the lookup may time out instead; either way the target is named.
      expect(health.error).toMatch(/no-such-host\.invalid:5432 (was not found|did not answer)/);
    } finally {
      await pool.end();
    }
  });

  it('reports a failed login without the password', async () => {
    const url = withUrl(db.url, (u) => {
      u.username = 'nobody_here';
      u.password = 'Wr0ng-Pass';
    });
    const pool = createSourcePool(url, { connectTimeoutMs: 3000 });
    try {
      const health = await checkPostgres(pool, url);
      expect(health.ok).toBe(false);
      // A trust-auth server still rejects an unknown role; either way it is a login problem.
      expect(health.error).toContain('refused the login for user "nobody_here"');
      expect(`${health.error} ${health.hint}`).not.toContain('Wr0ng-Pass');
    } finally {
      await pool.end();
    }
  });

  it('passes AppErrors through unchanged', () => {
    const e = new AppError('CANCELLED', 'stop');
    expect(toSourceError(e, 'postgres://h/db')).toBe(e);
  });
});

describe('checkPostgres on a live server', () => {
  it('reports ok with the version and a latency', async () => {
    const pool = createSourcePool(db.url, { connectTimeoutMs: 3000 });
    try {
      const health = await checkPostgres(pool, db.url);
      expect(health.ok).toBe(true);
      expect(health.version).toMatch(/^\d+(\.\d+)?/);
      expect(health.latencyMs).toBeGreaterThanOrEqual(0);
      expect(health.error).toBeNull();
      expect(health.target).toBe(`${new URL(db.url).hostname}:${new URL(db.url).port}`);
      // application_name identifies the console in pg_stat_activity.
      const { rows } = await pool.query(`SELECT current_setting('application_name') AS app`);
      expect(rows[0].app).toBe('elysia-sync-console');
    } finally {
      await pool.end();
    }
  });

  it('survives an idle client being killed by the server', async () => {
    const errors: Error[] = [];
    const pool = createSourcePool(db.url, { connectTimeoutMs: 3000, onIdleError: (e) => errors.push(e) });
    try {
      const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await db.pool.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      // Without the pool's 'error' listener the process would crash here.
      await expect.poll(() => errors.length, { timeout: 5000 }).toBeGreaterThan(0);
      const again = await pool.query('SELECT 1 AS one');
      expect(again.rows[0].one).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it('cancels a runaway statement at the pool statement timeout with a clear error', async () => {
    const pool = createSourcePool(db.url, { connectTimeoutMs: 3000, statementTimeoutMs: 200 });
    try {
      const err = await pool.query('SELECT pg_sleep(5)').then(
        () => null,
        (e) => toSourceError(e, db.url),
      );
      expect(err!.code).toBe('POSTGRES_UNAVAILABLE');
      expect(err!.message).toContain('was cancelled (statement timeout)');
      // The pool is still usable afterwards.
      expect((await pool.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it('returns date columns as YYYY-MM-DD text, never a shifted JS Date', async () => {
    const pool = createSourcePool(db.url, { connectTimeoutMs: 3000 });
    try {
      const { rows } = await pool.query(`SELECT DATE '2026-01-31' AS d`);
      expect(rows[0].d).toBe('2026-01-31');
    } finally {
      await pool.end();
    }
  });

  it('says the pool is busy, not that the server is down, when every connection stays in use', async () => {
    const pool = createSourcePool(db.url, { connectTimeoutMs: 300, max: 1 });
    const held = await pool.connect();
    try {
      const err = await pool.query('SELECT 1').then(
        () => null,
        (e) => toSourceError(e, db.url, { timeoutMs: 300 }),
      );
      expect(err!.code).toBe('POSTGRES_UNAVAILABLE');
      expect(err!.message).toContain('stayed busy within 300 ms');
      expect(err!.message).not.toContain('did not answer');
    } finally {
      held.release();
      await pool.end();
    }
  });
});

describe('describeSourceError', () => {
  const url = 'postgres://app:Pw-9@db.example:6543/finance';
  const err = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it.each([
    [err('ECONNREFUSED'), 'PostgreSQL at db.example:6543 refused the connection'],
    [err('ENOTFOUND'), 'PostgreSQL host of db.example:6543 was not found'],
    [err('ETIMEDOUT'), 'PostgreSQL at db.example:6543 did not answer'],
    [new Error('Connection terminated due to connection timeout'), 'PostgreSQL at db.example:6543 did not answer'],
    [err('28P01', 'password authentication failed for user "app"'), 'refused the login for user "app"'],
    [err('28000', 'no pg_hba.conf entry for host'), 'refused the login for user "app"'],
    [err('3D000'), 'database "finance" does not exist on PostgreSQL at db.example:6543'],
    [err('53300'), 'has too many connections'],
    [err('57014'), 'was cancelled (statement timeout)'],
    [err('57P01'), 'is shutting down or starting up'],
    [err('ECONNRESET', 'read ECONNRESET'), 'the connection to PostgreSQL at db.example:6543 was lost'],
    [err('42P01', 'relation "Transaction" does not exist'), 'does not have the expected finance tables'],
    [err('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'), 'self-signed certificate'],
    [new Error('timeout exceeded when trying to connect'), 'stayed busy'],
    [new Error('Query read timeout'), 'stopped answering in the middle of a query'],
    [Object.assign(new AggregateError([err('ECONNREFUSED')], ''), {}), 'refused the connection'],
    ['a string', 'PostgreSQL at db.example:6543: a string'],
  ])('%s', (e, text) => {
    const info = describeSourceError(e, url);
    expect(info.message).toContain(text);
    expect(info.target).toBe('db.example:6543');
    expect(info.hint.length).toBeGreaterThan(10);
    expect(`${info.message} ${info.hint}`).not.toContain('Pw-9');
  });

  it('removes the password even when the driver message repeats the URL', () => {
    const info = describeSourceError(new Error(`cannot parse ${url} near Pw-9`), url);
    expect(info.message).not.toContain('Pw-9');
    expect(info.message).toContain('app:***@db.example');
  });

  it('names pg_hba.conf for a login refused by host rules, and the password otherwise', () => {
    expect(describeSourceError(err('28000'), url).hint).toContain('pg_hba.conf');
    expect(describeSourceError(err('28P01'), url).hint).toContain('password');
  });
});
