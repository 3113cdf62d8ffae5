/** The shared test data generators do what other tests rely on. */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/postgres/database';
import { expectedMetrics, minusDays, seedBulk, seedUser } from '../../support/data';
import { countSource, createSourcePool, getUser, listAllUserIds } from '../../../src/main/core/source';
import type pg from 'pg';

let db: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase(inject('pgAdminUrl'));
  pool = createSourcePool(db.url, { connectTimeoutMs: 5000 });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe('seedBulk', () => {
  it('creates the requested users, accounts and transactions with predictable ids', async () => {
    const b = await seedBulk(db.pool, { users: 120, transactionsPerUser: 7, accountsPerUser: 3, prefix: 'pb' });
    const ids: string[] = [];
    for await (const page of listAllUserIds(pool)) ids.push(...page.filter((i) => i.startsWith('pb_')));
    expect(ids).toHaveLength(120);
    expect(ids[0]).toBe(b.userId(1));
    expect(ids[119]).toBe(b.userId(120));
    expect(await countSource(pool, b.userId(57))).toEqual({ accounts: 3, transactions: 7 });
    const { rows } = await db.pool.query(
      `SELECT account_id FROM "Transaction" WHERE id = $1`,
      [b.transactionId(57, 4)],
    );
    expect(rows[0].account_id).toBe(b.accountId(57, 2)); // 1 + 4 % 3
    expect(await getUser(pool, b.userId(2))).toMatchObject({ email: 'pb.user2@example.com', createdAt: '2024-01-01T00:02:00.000Z' });
  });

  it('gives the same amounts every time (deterministic)', async () => {
    await seedBulk(db.pool, { users: 3, transactionsPerUser: 4, accountsPerUser: 1, prefix: 'd1' });
    await seedBulk(db.pool, { users: 3, transactionsPerUser: 4, accountsPerUser: 1, prefix: 'd2' });
    const q = (p: string) =>
      db.pool.query(`SELECT amount::text, to_char(date, 'YYYY-MM-DD') d, category, pending FROM "Transaction" WHERE user_id LIKE $1 ORDER BY id`, [`${p}_%`]);
    const [a, b2] = await Promise.all([q('d1'), q('d2')]);
    expect(a.rows).toHaveLength(12);
    expect(a.rows).toEqual(b2.rows);
  });
});

describe('seedUser', () => {
  it('returns the dates the database stored (CURRENT_DATE - n)', async () => {
    const u = await seedUser(db.pool, { id: 'su' });
    const edge = u.transactions.find((t) => t.id === 'su_tx_edge_in')!;
    expect(edge.date).toBe(minusDays(u.today, 180));
    expect(u.transactionIds).toHaveLength(12);
    expect(u.accountIds).toEqual(['su_acc_checking', 'su_acc_savings', 'su_acc_brokerage', 'su_acc_card', 'su_acc_student']);
  });
});

describe('expectedMetrics', () => {
  it('follows the formulas on a worked example', () => {
    const m = expectedMetrics({
      today: '2026-03-10',
      accounts: [
        { type: 'depository', balanceCurrent: '100.10' },
        { type: 'investment', balanceCurrent: 50 },
        { type: 'credit', balanceCurrent: '20.20' },
        { type: 'loan', balanceCurrent: null },
        { type: 'other', balanceCurrent: 999 },
      ],
      transactions: [
        { amount: '-1000', date: '2026-03-01', pending: false }, // income, March
        { amount: '250', date: '2026-02-15', pending: false }, // expense, February
        { amount: '50', date: '2025-09-11', pending: false }, // today - 180: inside, September
        { amount: '70', date: '2025-09-10', pending: false }, // today - 181: outside
        { amount: '-500', date: '2026-03-05', pending: true }, // pending: ignored
        { amount: '-300', date: '2026-03-11', pending: false }, // future: outside
      ],
    });
    expect(m).toEqual({
      total_assets: 150.1,
      total_liabilities: 20.2,
      months: 3,
      monthly_income: 1000 / 3,
      monthly_expenses: 300 / 3,
      savings_rate: (1000 / 3 - 100) / (1000 / 3),
    });
  });

  it('minusDays crosses months, years and leap days', () => {
    expect(minusDays('2026-03-01', 1)).toBe('2026-02-28');
    expect(minusDays('2024-03-01', 1)).toBe('2024-02-29');
    expect(minusDays('2026-01-01', 1)).toBe('2025-12-31');
    expect(minusDays('2026-01-01', -1)).toBe('2026-01-02');
  });
});
