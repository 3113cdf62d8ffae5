/**
 * Many users at once, generated inside PostgreSQL with generate_series: 10,000 users with 100
 * transactions each is a few set-based INSERTs, seconds rather than minutes of round trips.
 * Values are deterministic functions of the user and row numbers.
 */
import type pg from 'pg';

export interface SeedBulkSpec {
  users: number;
  transactionsPerUser: number;
  accountsPerUser: number;
  /** Prefix of every id, so several bulk sets can live in one database. Default 'bulk'. */
  prefix?: string;
}

export interface SeededBulk {
  prefix: string;
  users: number;
  transactionsPerUser: number;
  accountsPerUser: number;
  /** Id of the n-th user (1-based); ids sort in n order. */
  userId(n: number): string;
  accountId(user: number, n: number): string;
  transactionId(user: number, n: number): string;
}

const pad = (n: number | string, width: number) => String(n).padStart(width, '0');

export async function seedBulk(pool: pg.Pool, spec: SeedBulkSpec): Promise<SeededBulk> {
  const prefix = spec.prefix ?? 'bulk';
  const { users, transactionsPerUser: perUser, accountsPerUser: accounts } = spec;
  if (users < 1 || perUser < 0 || accounts < 0) throw new Error('seedBulk: users >= 1, counts >= 0');

  // Ids as SQL expressions over the series numbers; the JS helpers below build the same strings.
  const uid = (u: string) => `$1 || '_u' || lpad(${u}::text, 6, '0')`;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // The rows are consistent by construction; skipping the per-row foreign-key triggers roughly
    // halves the time of a million-row insert. Needs a superuser (the test server's admin); without
    // one the checks simply run.
    await client.query('SAVEPOINT fk');
    await client.query(`SET LOCAL session_replication_role = replica`).then(
      () => client.query('RELEASE SAVEPOINT fk'),
      () => client.query('ROLLBACK TO SAVEPOINT fk'),
    );
    await client.query(
      `INSERT INTO "User"(id, email, name, created_at, updated_at)
       SELECT ${uid('g')}, $1 || '.user' || g || '@example.com', 'Bulk User ' || g,
              timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute',
              timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute'
       FROM generate_series(1, $2::int) g`,
      [prefix, users],
    );
    await client.query(
      `INSERT INTO "Item"(id, user_id, institution_id, institution_name)
       SELECT ${uid('g')} || '_item', ${uid('g')}, 'ins_' || (g % 5), 'Bank ' || (g % 5)
       FROM generate_series(1, $2::int) g`,
      [prefix, users],
    );
    if (accounts > 0) {
      await client.query(
        `INSERT INTO "Account"(id, user_id, item_id, name, type, subtype, balance_current, balance_available, iso_currency_code)
         SELECT ${uid('u')} || '_a' || lpad(a::text, 3, '0'), ${uid('u')}, ${uid('u')} || '_item',
                'Account ' || a,
                (ARRAY['depository', 'credit', 'investment', 'loan'])[1 + (a - 1) % 4],
                'sub' || a,
                ((u * 37 + a * 11) % 100000)::numeric / 100,
                ((u * 37 + a * 11) % 90000)::numeric / 100,
                'USD'
         FROM generate_series(1, $2::int) u, generate_series(1, $3::int) a`,
        [prefix, users, accounts],
      );
    }
    if (perUser > 0) {
      await client.query(
        `INSERT INTO "Transaction"(id, user_id, account_id, amount, iso_currency_code, name, merchant_name, category,
           date, pending, payment_channel)
         SELECT ${uid('u')} || '_t' || lpad(t::text, 7, '0'), ${uid('u')},
                CASE WHEN $3::int > 0 THEN ${uid('u')} || '_a' || lpad((1 + t % $3::int)::text, 3, '0') END,
                (((u * 31 + t * 17) % 20000) - 5000)::numeric / 100,
                'USD', 'Purchase ' || t, 'Merchant ' || (t % 50),
                '["Bulk","Category ' || (t % 7) || '"]',
                CURRENT_DATE - (t % 400), (t % 97 = 0), 'online'
         FROM generate_series(1, $2::int) u, generate_series(1, $4::int) t`,
        [prefix, users, accounts, perUser],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  // Fresh statistics, so the planner sees the real table sizes right away.
  await pool.query(`ANALYZE "User"; ANALYZE "Account"; ANALYZE "Transaction"`);

  const userId = (n: number) => `${prefix}_u${pad(n, 6)}`;
  return {
    prefix,
    users,
    transactionsPerUser: perUser,
    accountsPerUser: accounts,
    userId,
    accountId: (u, n) => `${userId(u)}_a${pad(n, 3)}`,
    transactionId: (u, n) => `${userId(u)}_t${pad(n, 7)}`,
  };
}
