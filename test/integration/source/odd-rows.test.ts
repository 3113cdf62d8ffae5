/**
 * The odd rows of seedOddRows, read from PostgreSQL and mapped: every one is kept, and every repair
 * is a warning naming the row.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../support/postgres/database';
import { seedOddRows, type OddRows } from '../../support/data';
import { createSourcePool, readAccounts, readProfile, streamTransactions } from '../../../src/main/core/source';
import { mapAccount, mapProfile, mapTransaction, type MappedObject } from '../../../src/main/core/mapping';

let db: TestDatabase;
let pool: pg.Pool;
let odd: OddRows;
const tx = new Map<string, MappedObject>();
const acc = new Map<string, MappedObject>();

beforeAll(async () => {
  db = await createTestDatabase(inject('pgAdminUrl'));
  pool = createSourcePool(db.url, { connectTimeoutMs: 5000 });
  odd = await seedOddRows(db.pool, 'u_odd');
  for await (const batch of streamTransactions(pool, 'u_odd', { limit: 0, batchSize: 5 }))
    for (const r of batch) tx.set(r.id, mapTransaction(r));
  for (const r of await readAccounts(pool, 'u_odd')) acc.set(r.id, mapAccount(r));
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe('odd rows, read and mapped', () => {
  it('keeps every transaction', () => {
    expect([...tx.keys()].sort()).toEqual(odd.allTransactions.map((t) => t.id).sort());
  });

  it('repairs each odd category to [] with one warning naming the row', () => {
    const t = odd.transactions;
    const cases: [string, string][] = [
      [t.categoryNull.id, 'category is NULL, written as []'],
      [t.categoryEmpty.id, 'category is empty, written as []'],
      [t.categoryMalformed.id, 'category is malformed JSON ("[Food"), written as []'],
      [t.categoryObject.id, 'category is an object, not a JSON array'],
      [t.categoryString.id, 'category is a string, not a JSON array'],
      [t.categoryNumber.id, 'category is a number, not a JSON array'],
    ];
    for (const [id, text] of cases) {
      const m = tx.get(id)!;
      expect(m.properties.category, id).toEqual([]);
      expect(m.warnings, id).toHaveLength(1);
      expect(m.warnings[0]).toContain(`transaction ${id}: ${text}`);
    }
  });

  it('keeps unicode and emoji as they are', () => {
    const t = odd.transactions;
    expect(tx.get(t.categoryUnicode.id)!.properties.category).toEqual(['Café ☕', 'Großhandel 🛒', '日本料理']);
    expect(tx.get(t.categoryUnicode.id)!.warnings).toEqual([]);
    expect(tx.get(t.emojiName.id)!.properties).toMatchObject({
      name: t.emojiName.name,
      merchant_name: '🍕 Pizzeria Ümlaut',
      description_embedding: `${t.emojiName.name} 🍕 Pizzeria Ümlaut Odd`,
    });
  });

  it('writes NULL merchant, payment channel and account as ""', () => {
    expect(tx.get(odd.transactions.nullFields.id)!.properties).toMatchObject({
      account_id: '',
      merchant_name: '',
      payment_channel: '',
    });
  });

  it('writes extreme amounts as numbers, with a warning where float64 rounds', () => {
    const huge = tx.get(odd.transactions.hugeAmount.id)!;
    expect(huge.properties.amount).toBe(1e16);
    expect(huge.warnings[0]).toContain('amount 9999999999999999.99');
    expect(tx.get(odd.transactions.tinyNegative.id)!.properties.amount).toBe(-0.01);
    expect(tx.get(odd.transactions.pending.id)!.properties.pending).toBe(true);
  });

  it('maps the all-NULL account with defaults and null balances', () => {
    const m = acc.get(odd.accounts.allNull.id)!;
    expect(m.properties).toMatchObject({
      type: 'unknown',
      subtype: '',
      currency: 'USD',
      institution_name: '',
      balance_current: null,
      balance_available: null,
      balance_limit: null,
    });
    expect(m.warnings).toHaveLength(2);
  });

  it('maps the emoji account with an unnamed institution and the huge balance', () => {
    const m = acc.get(odd.accounts.emoji.id)!;
    expect(m.properties).toMatchObject({
      name: '💳 Carte Bleue — café Zürich 日本',
      institution_name: '',
      currency: 'EUR',
      balance_current: 1e16,
      balance_available: -0.01,
      balance_limit: null,
    });
  });

  it('computes a profile over the odd rows (pending excluded) without failing', async () => {
    const row = (await readProfile(pool, 'u_odd', { invertAmounts: false }))!;
    const m = mapProfile(row);
    // Assets: the emoji depository account's 9999999999999999.99; the NULL-type account does not count.
    expect(m.properties.total_assets).toBe(1e16);
    expect(m.properties.total_liabilities).toBe(0);
    expect(m.properties.monthly_income).toBeCloseTo(0.01 / row.months, 12);
    expect(row.months).toBeGreaterThanOrEqual(1);
    expect(typeof m.properties.monthly_expenses).toBe('number');
    expect(m.properties.savings_rate).toBeLessThan(0);
  });
});
