/**
 * Which of the given user ids exist in PostgreSQL, in one round trip per 1,000 ids (a bulk sync
 * request can name thousands of users).
 */
import type pg from 'pg';

export async function existingUserIds(pool: pg.Pool, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const { rows } = await pool.query<{ id: string }>('SELECT id FROM "User" WHERE id = ANY($1::text[])', [ids.slice(i, i + 1000)]);
    for (const r of rows) found.add(r.id);
  }
  return found;
}
