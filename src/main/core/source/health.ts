import type pg from 'pg';
import type { ComponentHealth } from '../../../shared/domain';
import { describeSourceError } from './errors';
import { targetOf } from '../redact';
import { read } from './sql';

/** Reachability, server version and round-trip latency of the finance database. Never throws. */
export async function checkPostgres(
  pool: pg.Pool,
  databaseUrl: string,
  opts: { timeoutMs?: number } = {},
): Promise<ComponentHealth> {
  const started = performance.now();
  const base = { component: 'postgres' as const, target: targetOf(databaseUrl) };
  try {
    const { rows } = await pool.query<{ version: string }>(
      // A health check must answer quickly even when a pooled connection went silent.
      read(`SELECT current_setting('server_version') AS version`, [], Math.max(opts.timeoutMs ?? 5000, 1000)),
    );
    return {
      ...base,
      ok: true,
      version: rows[0]?.version ?? null,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
      error: null,
      hint: null,
      checkedAt: new Date().toISOString(),
    };
  } catch (err) {
    // The pool knows its own connect timeout; say it in the message ("did not answer within 5000 ms").
    const timeoutMs = opts.timeoutMs ?? (pool as { options?: { connectionTimeoutMillis?: number } }).options?.connectionTimeoutMillis;
    const info = describeSourceError(err, databaseUrl, { timeoutMs });
    return {
      ...base,
      ok: false,
      version: null,
      latencyMs: null,
      error: info.message,
      hint: info.hint,
      checkedAt: new Date().toISOString(),
    };
  }
}
