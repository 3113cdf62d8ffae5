import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../support/postgres/database';
import { expectedMetrics, seedUser, type SeededUser } from '../../support/data';
import { createSourcePool, readProfile } from '../../../src/main/core/source';

let db: TestDatabase;
let pool: pg.Pool;
let user: SeededUser;

beforeAll(async () => {
  db = await createTestDatabase(inject('pgAdminUrl'));
  pool = createSourcePool(db.url, { connectTimeoutMs: 5000 });
  user = await seedUser(db.pool, { id: 'u_profile', createdAt: '2024-03-04T05:06:07.089Z' });
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const metricsOf = (u: SeededUser, invertAmounts = false) =>
  expectedMetrics({
    accounts: u.accounts.map((a) => ({ type: a.type, balanceCurrent: a.balanceCurrent })),
    transactions: u.transactions,
    today: u.today,
    invertAmounts,
  });

describe('readProfile', () => {
  it('computes the default user figures exactly as the hand-written formulas', async () => {
    const row = await readProfile(pool, 'u_profile', { invertAmounts: false });
    const expected = metricsOf(user);
    expect(row).not.toBeNull();
    expect(row!.user_id).toBe('u_profile');
    expect(row!.email).toBe('u_profile@example.com');
    expect(row!.created_at).toBe('2024-03-04T05:06:07.089Z');
    expect(row!.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(row!.months).toBe(expected.months);
    expect(row!.total_assets).toBe(expected.total_assets);
    expect(row!.total_liabilities).toBe(expected.total_liabilities);
    expect(row!.monthly_income).toBeCloseTo(expected.monthly_income, 9);
    expect(row!.monthly_expenses).toBeCloseTo(expected.monthly_expenses, 9);
    expect(row!.savings_rate).toBeCloseTo(expected.savings_rate, 12);
  });

  it('matches literal values worked out on paper', async () => {
    // Assets: 1200.50 + 5000.00 + 10250.75 (depository + investment); liabilities: 350.25 + 8000.00.
    const row = (await readProfile(pool, 'u_profile', { invertAmounts: false }))!;
    expect(row.total_assets).toBe(16451.25);
    expect(row.total_liabilities).toBe(8350.25);
    // In the window (non-pending, 0..180 days ago): income 2500 + 2500 + 20 = 5020;
    // expenses 4.75 + 86.40 + 1450 + 63.10 + 30 + 12 = 1646.25. Excluded: pending 999, 181 days ago 700,
    // tomorrow's -5000. The month count depends on today's date, so it comes from the calendar.
    const months = row.months;
    expect(months).toBeGreaterThanOrEqual(2);
    expect(months).toBeLessThanOrEqual(8);
    expect(row.monthly_income).toBeCloseTo(5020 / months, 9);
    expect(row.monthly_expenses).toBeCloseTo(1646.25 / months, 9);
    expect(row.savings_rate).toBeCloseTo((5020 - 1646.25) / 5020, 12);
  });

  it('inverts amounts when the database stores positive = money in', async () => {
    const row = (await readProfile(pool, 'u_profile', { invertAmounts: true }))!;
    const expected = metricsOf(user, true);
    expect(row.monthly_income).toBeCloseTo(1646.25 / row.months, 9);
    expect(row.monthly_expenses).toBeCloseTo(5020 / row.months, 9);
    expect(row.monthly_income).toBeCloseTo(expected.monthly_income, 9);
    expect(row.savings_rate).toBeCloseTo(expected.savings_rate, 12);
    expect(row.savings_rate).toBeLessThan(0);
    // Balances are not amounts: unchanged.
    expect(row.total_assets).toBe(16451.25);
  });

  it('gives 0 for every figure when the user has no accounts or transactions', async () => {
    await seedUser(db.pool, { id: 'u_empty', accounts: [], transactions: [] });
    const row = (await readProfile(pool, 'u_empty', { invertAmounts: false }))!;
    expect(row).toMatchObject({
      total_assets: 0,
      total_liabilities: 0,
      monthly_income: 0,
      monthly_expenses: 0,
      savings_rate: 0,
      months: 0,
    });
  });

  it('gives savings_rate 0 when there is spending but no income', async () => {
    await seedUser(db.pool, {
      id: 'u_spender',
      accounts: [{ key: 'acc', type: 'depository', balanceCurrent: null }],
      transactions: [
        { key: 't1', amount: '100.00', daysAgo: 1 },
        { key: 't2', amount: '50.00', daysAgo: 2, pending: true },
      ],
    });
    const row = (await readProfile(pool, 'u_spender', { invertAmounts: false }))!;
    expect(row.total_assets).toBe(0); // a NULL balance adds nothing
    expect(row.months).toBe(1);
    expect(row.monthly_expenses).toBe(100);
    expect(row.monthly_income).toBe(0);
    expect(row.savings_rate).toBe(0);
  });

  it('counts only pending-free months inside the window: edges at 180 (in) and 181 (out) days', async () => {
    await seedUser(db.pool, {
      id: 'u_edges',
      accounts: [{ key: 'acc', type: 'depository', balanceCurrent: '10' }],
      transactions: [
        { key: 'in_180', amount: '-300.00', daysAgo: 180 },
        { key: 'out_181', amount: '-7000.00', daysAgo: 181 },
        { key: 'today', amount: '30.00', daysAgo: 0 },
        { key: 'tomorrow', amount: '-9000.00', daysAgo: -1 },
        { key: 'pending_old', amount: '-50.00', daysAgo: 90, pending: true },
      ],
    });
    const u = await db.pool.query<{ d180: string; d0: string }>(
      `SELECT to_char(CURRENT_DATE - 180, 'YYYY-MM') AS d180, to_char(CURRENT_DATE, 'YYYY-MM') AS d0`,
    );
    const months = new Set([u.rows[0].d180, u.rows[0].d0]).size; // the pending row's month does not count
    const row = (await readProfile(pool, 'u_edges', { invertAmounts: false }))!;
    expect(row.months).toBe(months);
    expect(row.monthly_income).toBeCloseTo(300 / months, 9);
    expect(row.monthly_expenses).toBeCloseTo(30 / months, 9);
    expect(row.savings_rate).toBeCloseTo((300 - 30) / 300, 12);
  });

  it('treats account types case-insensitively and ignores other types', async () => {
    await seedUser(db.pool, {
      id: 'u_types',
      accounts: [
        { key: 'a1', type: 'Depository', balanceCurrent: '1.10' },
        { key: 'a2', type: 'other', balanceCurrent: '1000.00' },
        { key: 'a3', type: null, balanceCurrent: '2000.00' },
        { key: 'a4', type: 'LOAN', balanceCurrent: '3.30' },
      ],
      transactions: [],
    });
    const row = (await readProfile(pool, 'u_types', { invertAmounts: false }))!;
    expect(row.total_assets).toBe(1.1);
    expect(row.total_liabilities).toBe(3.3);
  });

  it('keeps large sums exact to the cent', async () => {
    await seedUser(db.pool, {
      id: 'u_large',
      accounts: [
        { key: 'a1', type: 'depository', balanceCurrent: '12345678901.23' },
        { key: 'a2', type: 'investment', balanceCurrent: '0.01' },
      ],
      transactions: [{ key: 't', amount: '-1234567.89', daysAgo: 0 }],
    });
    const row = (await readProfile(pool, 'u_large', { invertAmounts: false }))!;
    expect(row.total_assets).toBe(12345678901.24);
    expect(row.monthly_income).toBe(1234567.89);
    expect(row.savings_rate).toBe(1);
  });

  it('returns null for an unknown user', async () => {
    expect(await readProfile(pool, 'nobody', { invertAmounts: false })).toBeNull();
  });
});
