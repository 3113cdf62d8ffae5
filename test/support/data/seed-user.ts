/**
 * One user with an item, accounts and transactions, deterministic: ids derive from the user id, and
 * dates are CURRENT_DATE - daysAgo so the profile metrics are the same whatever day the tests run.
 * Without a spec, the user gets DEFAULT_ACCOUNTS and DEFAULT_TRANSACTIONS (window edges included).
 */
import type pg from 'pg';
import { databaseToday, minusDays } from './dates';

export interface SeedAccountSpec {
  /** Suffix of the account id: `${userId}_${key}`. */
  key: string;
  name?: string;
  type?: string | null;
  subtype?: string | null;
  balanceCurrent?: number | string | null;
  balanceAvailable?: number | string | null;
  balanceLimit?: number | string | null;
  currency?: string | null;
  /** false: the account has no item (institution_name comes out NULL). */
  withItem?: boolean;
}

export interface SeedTransactionSpec {
  /** Suffix of the transaction id: `${userId}_${key}`. */
  key: string;
  /** Key of the account; null for a transaction without account. Default: the first account. */
  account?: string | null;
  amount: number | string;
  daysAgo: number;
  name?: string;
  merchant?: string | null;
  /** Raw value for the text column (JSON array text by default). */
  category?: string | null;
  pending?: boolean;
  paymentChannel?: string | null;
  currency?: string | null;
}

export interface SeedUserSpec {
  id?: string;
  email?: string;
  name?: string | null;
  /** ISO time; default 2025-01-15T10:00:00.000Z */
  createdAt?: string;
  institution?: string | null;
  accounts?: SeedAccountSpec[];
  transactions?: SeedTransactionSpec[];
}

export interface SeededAccount extends Required<Omit<SeedAccountSpec, 'withItem'>> {
  id: string;
  itemId: string | null;
  institution: string | null;
}

export interface SeededTransaction {
  id: string;
  accountId: string | null;
  amount: string;
  date: string;
  pending: boolean;
  name: string;
  merchant: string | null;
  category: string | null;
  paymentChannel: string | null;
  currency: string | null;
}

export interface SeededUser {
  userId: string;
  email: string;
  name: string | null;
  createdAt: string;
  itemId: string;
  /** The database's CURRENT_DATE when seeded. */
  today: string;
  accountIds: string[];
  transactionIds: string[];
  accounts: SeededAccount[];
  /** In insertion order (not date order). */
  transactions: SeededTransaction[];
}

export const DEFAULT_ACCOUNTS: SeedAccountSpec[] = [
  { key: 'acc_checking', name: 'Everyday Checking', type: 'depository', subtype: 'checking', balanceCurrent: '1200.50', balanceAvailable: '1100.50', currency: 'USD' },
  { key: 'acc_savings', name: 'Rainy Day Savings', type: 'depository', subtype: 'savings', balanceCurrent: '5000.00', balanceAvailable: '5000.00', currency: 'USD' },
  { key: 'acc_brokerage', name: 'Brokerage', type: 'investment', subtype: 'brokerage', balanceCurrent: '10250.75', balanceAvailable: null, currency: 'USD' },
  { key: 'acc_card', name: 'Rewards Card', type: 'credit', subtype: 'credit card', balanceCurrent: '350.25', balanceAvailable: '1649.75', balanceLimit: '2000.00', currency: 'USD' },
  { key: 'acc_student', name: 'Student Loan', type: 'loan', subtype: 'student', balanceCurrent: '8000.00', balanceAvailable: null, currency: 'USD' },
];

/**
 * Salary in two months, spending, a refund, a pending charge, and the window's edges:
 * 180 days ago is inside, 181 days ago and tomorrow are outside.
 */
export const DEFAULT_TRANSACTIONS: SeedTransactionSpec[] = [
  { key: 'tx_salary_1', amount: '-2500.00', daysAgo: 3, name: 'ACME Payroll', merchant: 'ACME', category: '["Transfer","Payroll"]' },
  { key: 'tx_salary_2', amount: '-2500.00', daysAgo: 40, name: 'ACME Payroll', merchant: 'ACME', category: '["Transfer","Payroll"]' },
  { key: 'tx_coffee', amount: '4.75', daysAgo: 1, name: 'Blue Bottle', merchant: 'Blue Bottle Coffee', category: '["Food and Drink","Coffee Shop"]', paymentChannel: 'in store' },
  { key: 'tx_groceries', amount: '86.40', daysAgo: 5, name: 'Whole Foods', merchant: 'Whole Foods', category: '["Shops","Supermarkets and Groceries"]', paymentChannel: 'in store' },
  { key: 'tx_rent', amount: '1450.00', daysAgo: 33, name: 'Rent', merchant: null, category: '["Payment","Rent"]', paymentChannel: 'online', account: 'acc_checking' },
  { key: 'tx_refund', amount: '-20.00', daysAgo: 10, name: 'Refund Amazon', merchant: 'Amazon', category: '["Shops"]', account: 'acc_card', paymentChannel: 'online' },
  { key: 'tx_card_dinner', amount: '63.10', daysAgo: 10, name: 'Dinner', merchant: 'Trattoria', category: '["Food and Drink","Restaurants"]', account: 'acc_card' },
  { key: 'tx_pending', amount: '999.00', daysAgo: 0, name: 'Pending TV', merchant: 'Best Buy', category: '["Shops","Electronics"]', pending: true, account: 'acc_card' },
  { key: 'tx_edge_in', amount: '30.00', daysAgo: 180, name: 'Window start', merchant: 'Edge', category: '["Edge"]' },
  { key: 'tx_edge_out', amount: '700.00', daysAgo: 181, name: 'Before window', merchant: 'Edge', category: '["Edge"]' },
  { key: 'tx_future', amount: '-5000.00', daysAgo: -1, name: 'Scheduled deposit', merchant: null, category: '["Transfer"]' },
  // Same day as tx_groceries: the stream orders ties by id descending.
  { key: 'tx_groceries_b', amount: '12.00', daysAgo: 5, name: 'Corner Shop', merchant: 'Corner', category: '["Shops"]' },
];

let counter = 0;

export async function seedUser(pool: pg.Pool, spec: SeedUserSpec = {}): Promise<SeededUser> {
  counter += 1;
  const userId = spec.id ?? `user_${String(counter).padStart(3, '0')}`;
  const email = spec.email ?? `${userId}@example.com`;
  const name = spec.name === undefined ? `Test ${userId}` : spec.name;
  const createdAt = spec.createdAt ?? '2025-01-15T10:00:00.000Z';
  const institution = spec.institution === undefined ? 'First Platypus Bank' : spec.institution;
  const itemId = `${userId}_item`;
  const accountSpecs = spec.accounts ?? DEFAULT_ACCOUNTS;
  const txSpecs = spec.transactions ?? DEFAULT_TRANSACTIONS;
  const today = await databaseToday(pool);

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO "User"(id, email, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)`,
      [userId, email, name, createdAt],
    );
    await client.query(`INSERT INTO "Item"(id, user_id, institution_id, institution_name) VALUES ($1, $2, 'ins_1', $3)`, [
      itemId,
      userId,
      institution,
    ]);

    const accounts: SeededAccount[] = [];
    for (const a of accountSpecs) {
      const acc: SeededAccount = {
        id: `${userId}_${a.key}`,
        key: a.key,
        name: a.name ?? a.key,
        type: a.type === undefined ? 'depository' : a.type,
        subtype: a.subtype === undefined ? null : a.subtype,
        balanceCurrent: a.balanceCurrent === undefined ? null : a.balanceCurrent,
        balanceAvailable: a.balanceAvailable === undefined ? null : a.balanceAvailable,
        balanceLimit: a.balanceLimit === undefined ? null : a.balanceLimit,
        currency: a.currency === undefined ? 'USD' : a.currency,
        itemId: a.withItem === false ? null : itemId,
        institution: a.withItem === false ? null : institution,
      };
      await client.query(
        `INSERT INTO "Account"(id, user_id, item_id, name, type, subtype, balance_current, balance_available,
           balance_limit, iso_currency_code, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
        [acc.id, userId, acc.itemId, acc.name, acc.type, acc.subtype, acc.balanceCurrent, acc.balanceAvailable, acc.balanceLimit, acc.currency, createdAt],
      );
      accounts.push(acc);
    }

    const firstAccount = accounts[0]?.id ?? null;
    const transactions: SeededTransaction[] = [];
    for (const t of txSpecs) {
      const tx: SeededTransaction = {
        id: `${userId}_${t.key}`,
        accountId: t.account === null ? null : t.account ? `${userId}_${t.account}` : firstAccount,
        amount: String(t.amount),
        date: minusDays(today, t.daysAgo),
        pending: t.pending ?? false,
        name: t.name ?? t.key,
        merchant: t.merchant === undefined ? null : t.merchant,
        category: t.category === undefined ? '["General"]' : t.category,
        paymentChannel: t.paymentChannel === undefined ? 'online' : t.paymentChannel,
        currency: t.currency === undefined ? 'USD' : t.currency,
      };
      // The date is computed in SQL from CURRENT_DATE, the same clock the profile query uses.
      const { rows } = await client.query<{ d: string }>(
        `INSERT INTO "Transaction"(id, user_id, account_id, amount, iso_currency_code, name, merchant_name, category,
           date, pending, payment_channel, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CURRENT_DATE - $9::int, $10, $11, $12, $12)
         RETURNING to_char(date, 'YYYY-MM-DD') AS d`,
        [tx.id, userId, tx.accountId, tx.amount, tx.currency, tx.name, tx.merchant, tx.category, t.daysAgo, tx.pending, tx.paymentChannel, createdAt],
      );
      tx.date = rows[0].d;
      transactions.push(tx);
    }
    await client.query('COMMIT');
    return {
      userId,
      email,
      name,
      createdAt,
      itemId,
      today,
      accountIds: accounts.map((a) => a.id),
      transactionIds: transactions.map((t) => t.id),
      accounts,
      transactions,
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
