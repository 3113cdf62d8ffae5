import type pg from 'pg';
import type { AccountRow } from './rows';
import { isoSql, read } from './sql';

/** Every account of one user, with its institution's name (accounts without an item keep NULL). */
export async function readAccounts(pool: pg.Pool, userId: string): Promise<AccountRow[]> {
  const { rows } = await pool.query<AccountRow>(
    read(
      `SELECT a.id, a.user_id, a.item_id, a.name, a.official_name, a.mask, a.type, a.subtype,
         a.balance_current::text AS balance_current,
         a.balance_available::text AS balance_available,
         a.balance_limit::text AS balance_limit,
         a.iso_currency_code, i.institution_name,
         ${isoSql('a.created_at')} AS created_at, ${isoSql('a.updated_at')} AS updated_at
       FROM "Account" a LEFT JOIN "Item" i ON i.id = a.item_id
       WHERE a.user_id = $1
       ORDER BY a.id`,
      [userId],
    ),
  );
  return rows;
}
