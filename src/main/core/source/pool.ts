/**
 * The connection pool to the finance database. Bounded timeouts everywhere: an unreachable server is
 * reported after connectTimeoutMs, never a hang, and a runaway query is cancelled by the server.
 */
import pg from 'pg';

export const APPLICATION_NAME = 'elysia-sync-console';

const DATE_OID = 1082;

/**
 * Dates stay 'YYYY-MM-DD' strings: pg's default parser builds a local-midnight Date, which shifts a day
 * when it is later formatted in UTC. (Every query also formats dates in SQL; this is the safety net.)
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID && format !== 'binary'
      ? (v: string) => v
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export interface SourcePoolOptions {
  connectTimeoutMs: number;
  max?: number;
  /** Server-side limit for one statement; default 60 s (a profile over a million rows takes well under 1 s). */
  statementTimeoutMs?: number;
  /** Called when an idle client fails (server restart, network drop); the pool replaces the client. */
  onIdleError?: (err: Error) => void;
}

export function createSourcePool(databaseUrl: string, opts: SourcePoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    // Each running sync holds one connection while it streams transactions (4 syncs at once by
    // default); the rest serve the console's pages and counts.
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: opts.statementTimeoutMs ?? 60_000,
    lock_timeout: 10_000,
    application_name: APPLICATION_NAME,
    keepAlive: true,
    types,
  });
  // Without a listener, an idle client's error (e.g. the server restarting) is an unhandled 'error'
  // event and takes the whole process down.
  pool.on('error', (err) => opts.onIdleError?.(err));
  return pool;
}
