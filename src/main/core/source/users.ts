/**
 * Users of the finance database, one page at a time. Counts are computed for the page's users only
 * (LATERAL index-only counts), except when sorting by a count, which needs every user's count: then
 * one grouped scan of the (user_id, ...) index, still a single query.
 */
import type pg from 'pg';
import { AppError } from '../../../shared/errors';
import { escapeLike, isoSql, read } from './sql';

export interface SourceUser {
  id: string;
  email: string;
  name: string | null;
  /** ISO 8601 UTC */
  createdAt: string;
  accountCount: number;
  transactionCount: number;
}

export type UserSort = 'id' | 'email' | 'created_at' | 'transactions' | 'accounts';

export interface ListUsersQuery {
  search?: string;
  sort: UserSort;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

interface UserSqlRow {
  id: string;
  email: string;
  name: string | null;
  created_at: string;
  account_count: string;
  transaction_count: string;
}

const toUser = (r: UserSqlRow): SourceUser => ({
  id: r.id,
  email: r.email,
  name: r.name,
  createdAt: r.created_at,
  accountCount: Number(r.account_count),
  transactionCount: Number(r.transaction_count),
});

const MAX_PAGE = 1000;

function checkQuery(q: ListUsersQuery): void {
  if (!['id', 'email', 'created_at', 'transactions', 'accounts'].includes(q.sort))
    throw new AppError('VALIDATION', `sort must be id, email, created_at, transactions or accounts (got "${q.sort}")`);
  if (q.direction !== 'asc' && q.direction !== 'desc')
    throw new AppError('VALIDATION', `direction must be asc or desc (got "${q.direction}")`);
  if (!Number.isInteger(q.offset) || q.offset < 0)
    throw new AppError('VALIDATION', `offset must be a whole number of 0 or more (got ${q.offset})`);
  if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > MAX_PAGE)
    throw new AppError('VALIDATION', `limit must be a whole number from 1 to ${MAX_PAGE} (got ${q.limit})`);
}

const SEARCH_WHERE = `($1::text IS NULL OR u.id ILIKE $1 ESCAPE '\\' OR u.email ILIKE $1 ESCAPE '\\')`;

const COUNT_LATERALS = `
  CROSS JOIN LATERAL (SELECT count(*) AS n FROM "Account" a WHERE a.user_id = p.id) ac
  CROSS JOIN LATERAL (SELECT count(*) AS n FROM "Transaction" t WHERE t.user_id = p.id) tc`;

function pageSql(sort: UserSort, dir: 'ASC' | 'DESC'): string {
  const select = `p.id, p.email, p.name, ${isoSql('p.created_at')} AS created_at`;
  if (sort === 'id' || sort === 'email' || sort === 'created_at') {
    const columns = sort === 'id' ? ['id'] : [sort, 'id'];
    const orderBy = (alias: string) => columns.map((c) => `${alias}.${c} ${dir}`).join(', ');
    return `
      WITH p AS (
        SELECT u.id, u.email, u.name, u.created_at FROM "User" u
        WHERE ${SEARCH_WHERE}
        ORDER BY ${orderBy('u')} LIMIT $2 OFFSET $3
      )
      SELECT ${select}, ac.n AS account_count, tc.n AS transaction_count
      FROM p ${COUNT_LATERALS}
      ORDER BY ${orderBy('p')}`;
  }
  const table = sort === 'transactions' ? '"Transaction"' : '"Account"';
  const other = sort === 'transactions' ? '"Account"' : '"Transaction"';
  return `
    WITH counts AS (SELECT user_id, count(*) AS n FROM ${table} GROUP BY user_id),
    p AS (
      SELECT u.id, u.email, u.name, u.created_at, coalesce(c.n, 0) AS sort_n FROM "User" u
      LEFT JOIN counts c ON c.user_id = u.id
      WHERE ${SEARCH_WHERE}
      ORDER BY sort_n ${dir}, u.id ${dir} LIMIT $2 OFFSET $3
    )
    SELECT ${select},
      ${sort === 'accounts' ? 'p.sort_n' : 'o.n'} AS account_count,
      ${sort === 'transactions' ? 'p.sort_n' : 'o.n'} AS transaction_count
    FROM p CROSS JOIN LATERAL (SELECT count(*) AS n FROM ${other} x WHERE x.user_id = p.id) o
    ORDER BY p.sort_n ${dir}, p.id ${dir}`;
}

export async function listUsers(pool: pg.Pool, q: ListUsersQuery): Promise<{ rows: SourceUser[]; total: number }> {
  checkQuery(q);
  const search = q.search?.trim() ? `%${escapeLike(q.search.trim())}%` : null;
  const dir = q.direction === 'desc' ? 'DESC' : 'ASC';
  const [page, total] = await Promise.all([
    pool.query<UserSqlRow>(read(pageSql(q.sort, dir), [search, q.limit, q.offset])),
    pool.query<{ n: string }>(read(`SELECT count(*) AS n FROM "User" u WHERE ${SEARCH_WHERE}`, [search])),
  ]);
  return { rows: page.rows.map(toUser), total: Number(total.rows[0].n) };
}

export async function getUser(pool: pg.Pool, userId: string): Promise<SourceUser | null> {
  const { rows } = await pool.query<UserSqlRow>(
    read(
      `SELECT p.id, p.email, p.name, ${isoSql('p.created_at')} AS created_at,
         ac.n AS account_count, tc.n AS transaction_count
       FROM "User" p ${COUNT_LATERALS}
       WHERE p.id = $1`,
      [userId],
    ),
  );
  return rows[0] ? toUser(rows[0]) : null;
}

/** How many users the finance database has (the Overview's total). */
export async function countUsers(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(read('SELECT count(*) AS n FROM "User"'));
  return Number(rows[0].n);
}

/** Every user id in id order, in keyset pages of 1,000 (for "sync all"); no page ever skips or repeats. */
export async function* listAllUserIds(pool: pg.Pool, pageSize = 1000): AsyncIterable<string[]> {
  let after: string | null = null;
  for (;;) {
    const res: pg.QueryResult<{ id: string }> = await pool.query<{ id: string }>(
      read(`SELECT id FROM "User" WHERE $1::text IS NULL OR id > $1 ORDER BY id LIMIT $2`, [after, pageSize]),
    );
    if (res.rows.length === 0) return;
    const ids = res.rows.map((r) => r.id);
    yield ids;
    if (ids.length < pageSize) return;
    after = ids[ids.length - 1];
  }
}
