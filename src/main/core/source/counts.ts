import type pg from 'pg';
import { read } from './sql';

/** How many accounts and transactions one user has in PostgreSQL (index-only counts). */
export async function countSource(pool: pg.Pool, userId: string): Promise<{ accounts: number; transactions: number }> {
  const { rows } = await pool.query<{ accounts: string; transactions: string }>(
    read(
      `SELECT (SELECT count(*) FROM "Account" WHERE user_id = $1) AS accounts,
              (SELECT count(*) FROM "Transaction" WHERE user_id = $1) AS transactions`,
      [userId],
    ),
  );
  return { accounts: Number(rows[0].accounts), transactions: Number(rows[0].transactions) };
}
