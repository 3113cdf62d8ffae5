/** SQL fragments and query settings shared by the queries. */
import type pg from 'pg';

/**
 * Client-side limit for one ordinary read. The server's statement_timeout (pool.ts) cancels slow
 * queries; this one catches the case the server cannot: a connection that went silent mid-query
 * (network drop), which would otherwise wait for TCP keepalive. Not used for the transaction stream,
 * whose reads legitimately last as long as the sync that consumes them.
 */
export const READ_TIMEOUT_MS = 65_000;

export function read(text: string, values: unknown[] = [], timeoutMs = READ_TIMEOUT_MS): pg.QueryConfig {
  return { text, values, query_timeout: timeoutMs } as pg.QueryConfig;
}

/** A timestamptz column as ISO 8601 UTC text with milliseconds (no JS Date time-zone handling). */
export const isoSql = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A date column as 'YYYY-MM-DD'. */
export const dateSql = (column: string): string => `to_char(${column}, 'YYYY-MM-DD')`;

/** Escapes LIKE wildcards so a search for "50%" or "a_b" matches literally (used with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
