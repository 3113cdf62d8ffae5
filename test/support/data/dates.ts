/**
 * Calendar helpers for test data. Seeds use CURRENT_DATE - n in SQL so profile windows stay
 * predictable whatever day the tests run; these helpers redo the same arithmetic in JS for the
 * expected values (on 'YYYY-MM-DD' strings, in UTC, so no local time zone can shift a day).
 */
import type pg from 'pg';

/** The database's CURRENT_DATE (its own time zone), as 'YYYY-MM-DD'. */
export async function databaseToday(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ d: string }>(`SELECT to_char(CURRENT_DATE, 'YYYY-MM-DD') AS d`);
  return rows[0].d;
}

/** 'YYYY-MM-DD' minus n days (n may be negative: the future). */
export function minusDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) - n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
