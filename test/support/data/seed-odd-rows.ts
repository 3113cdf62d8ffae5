/**
 * The rows real finance databases hold and a sync must not drop: categories that are NULL, '',
 * malformed or not arrays, NULL optional columns, unicode and emoji, extreme amounts, pending rows.
 * Ids are `${userId}_<key>`; the returned object names each one by purpose for assertions.
 */
import type pg from 'pg';

export const HUGE_AMOUNT = '9999999999999999.99';
export const TINY_NEGATIVE_AMOUNT = '-0.01';

export interface OddTransaction {
  id: string;
  accountId: string | null;
  amount: string;
  name: string;
  merchant: string | null;
  category: string | null;
  pending: boolean;
  paymentChannel: string | null;
  daysAgo: number;
}

export interface OddAccount {
  id: string;
  itemId: string | null;
  name: string;
  type: string | null;
  subtype: string | null;
  balanceCurrent: string | null;
  balanceAvailable: string | null;
  balanceLimit: string | null;
  currency: string | null;
  institution: string | null;
}

export interface OddRows {
  userId: string;
  itemWithoutName: string;
  accounts: {
    /** type, subtype, currency and every balance NULL, no item (institution NULL) */
    allNull: OddAccount;
    /** unicode + emoji name, an item whose institution_name is NULL, the huge balance */
    emoji: OddAccount;
  };
  transactions: {
    categoryNull: OddTransaction;
    categoryEmpty: OddTransaction;
    categoryMalformed: OddTransaction;
    categoryObject: OddTransaction;
    categoryString: OddTransaction;
    categoryNumber: OddTransaction;
    categoryUnicode: OddTransaction;
    nullFields: OddTransaction;
    emojiName: OddTransaction;
    hugeAmount: OddTransaction;
    tinyNegative: OddTransaction;
    pending: OddTransaction;
  };
  /** Every transaction above, in the order inserted. */
  allTransactions: OddTransaction[];
}

/** Inserts the odd rows for userId (the user is created when it does not exist yet). */
export async function seedOddRows(pool: pg.Pool, userId: string): Promise<OddRows> {
  const p = (k: string) => `${userId}_${k}`;
  const itemWithoutName = p('item_noname');

  const allNull: OddAccount = {
    id: p('acc_allnull'), itemId: null, name: 'Mystery account', type: null, subtype: null,
    balanceCurrent: null, balanceAvailable: null, balanceLimit: null, currency: null, institution: null,
  };
  const emoji: OddAccount = {
    id: p('acc_emoji'), itemId: itemWithoutName, name: '💳 Carte Bleue — café Zürich 日本', type: 'depository',
    subtype: 'checking', balanceCurrent: HUGE_AMOUNT, balanceAvailable: TINY_NEGATIVE_AMOUNT, balanceLimit: null,
    currency: 'EUR', institution: null,
  };

  const tx = (key: string, o: Partial<OddTransaction> & { daysAgo: number }): OddTransaction => ({
    id: p(key),
    accountId: emoji.id,
    amount: '10.00',
    name: `Odd ${key}`,
    merchant: 'Odd Merchant',
    category: '["Odd"]',
    pending: false,
    paymentChannel: 'online',
    ...o,
  });
  const transactions = {
    categoryNull: tx('tx_cat_null', { category: null, daysAgo: 2 }),
    categoryEmpty: tx('tx_cat_empty', { category: '', daysAgo: 3 }),
    categoryMalformed: tx('tx_cat_malformed', { category: '[Food', daysAgo: 4 }),
    categoryObject: tx('tx_cat_object', { category: '{"primary":"Food"}', daysAgo: 5 }),
    categoryString: tx('tx_cat_string', { category: '"Food and Drink"', daysAgo: 6 }),
    categoryNumber: tx('tx_cat_number', { category: '42', daysAgo: 7 }),
    categoryUnicode: tx('tx_cat_unicode', { category: '["Café ☕","Großhandel 🛒","日本料理"]', daysAgo: 8 }),
    nullFields: tx('tx_null_fields', { merchant: null, paymentChannel: null, accountId: null, daysAgo: 9 }),
    emojiName: tx('tx_emoji_name', { name: '🍕 Pizza — Zürich “quoted” \'single\'', merchant: '🍕 Pizzeria Ümlaut', daysAgo: 10 }),
    hugeAmount: tx('tx_huge', { amount: HUGE_AMOUNT, daysAgo: 11 }),
    tinyNegative: tx('tx_tiny_negative', { amount: TINY_NEGATIVE_AMOUNT, daysAgo: 12 }),
    pending: tx('tx_pending', { amount: '55.55', pending: true, daysAgo: 0 }),
  };
  const allTransactions = Object.values(transactions);

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO "User"(id, email, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`,
      [userId, `${userId}@example.com`, `Odd ${userId}`],
    );
    await client.query(`INSERT INTO "Item"(id, user_id, institution_id, institution_name) VALUES ($1, $2, NULL, NULL)`, [
      itemWithoutName,
      userId,
    ]);
    for (const a of [allNull, emoji]) {
      await client.query(
        `INSERT INTO "Account"(id, user_id, item_id, name, type, subtype, balance_current, balance_available,
           balance_limit, iso_currency_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [a.id, userId, a.itemId, a.name, a.type, a.subtype, a.balanceCurrent, a.balanceAvailable, a.balanceLimit, a.currency],
      );
    }
    for (const t of allTransactions) {
      await client.query(
        `INSERT INTO "Transaction"(id, user_id, account_id, amount, name, merchant_name, category, date, pending,
           payment_channel, iso_currency_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, CURRENT_DATE - $8::int, $9, $10, 'EUR')`,
        [t.id, userId, t.accountId, t.amount, t.name, t.merchant, t.category, t.daysAgo, t.pending, t.paymentChannel],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return { userId, itemWithoutName, accounts: { allNull, emoji }, transactions, allTransactions };
}
