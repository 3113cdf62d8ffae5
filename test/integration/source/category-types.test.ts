/**
 * The category column is text in the reference schema, but real databases hold jsonb or text[] there.
 * The same read + map code must give the same categories for each kind of column.
 */
import { afterAll, describe, expect, it, inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/postgres/database';
import { seedUser } from '../../support/data';
import { createSourcePool, streamTransactions, type TransactionRow } from '../../../src/main/core/source';
import { mapTransaction } from '../../../src/main/core/mapping';

const dbs: TestDatabase[] = [];
afterAll(async () => {
  for (const db of dbs) await db.drop();
});

async function rowsFor(db: TestDatabase, userId: string): Promise<Map<string, TransactionRow>> {
  const pool = createSourcePool(db.url, { connectTimeoutMs: 5000 });
  try {
    const out = new Map<string, TransactionRow>();
    for await (const batch of streamTransactions(pool, userId, { limit: 0, batchSize: 100 }))
      for (const r of batch) out.set(r.id.replace(`${userId}_`, ''), r);
    return out;
  } finally {
    await pool.end();
  }
}

async function seedCategories(db: TestDatabase): Promise<void> {
  await seedUser(db.pool, {
    id: 'u',
    accounts: [{ key: 'acc', type: 'depository', balanceCurrent: '1' }],
    transactions: [
      { key: 'arr', amount: '1.00', daysAgo: 1, category: '["Food and Drink","Restaurants"]' },
      { key: 'emoji', amount: '1.00', daysAgo: 2, category: '["Café ☕","🛒"]' },
      { key: 'empty_arr', amount: '1.00', daysAgo: 3, category: '[]' },
      { key: 'null', amount: '1.00', daysAgo: 4, category: null },
    ],
  });
}

describe('category column kinds', () => {
  it('text holding JSON', async () => {
    const db = await createTestDatabase(inject('pgAdminUrl'));
    dbs.push(db);
    await seedCategories(db);
    const rows = await rowsFor(db, 'u');
    expect(rows.get('arr')!.category_type).toBe('text');
    expect(mapTransaction(rows.get('arr')!).properties.category).toEqual(['Food and Drink', 'Restaurants']);
    expect(mapTransaction(rows.get('emoji')!).properties.category).toEqual(['Café ☕', '🛒']);
    expect(mapTransaction(rows.get('empty_arr')!).warnings).toEqual([]);
    expect(mapTransaction(rows.get('null')!).warnings).toEqual(['transaction u_null: category is NULL, written as []']);
  });

  it('jsonb', async () => {
    const db = await createTestDatabase(inject('pgAdminUrl'));
    dbs.push(db);
    await seedCategories(db);
    await db.pool.query(`ALTER TABLE "Transaction" ALTER COLUMN category TYPE jsonb USING category::jsonb`);
    // jsonb can also hold a scalar or an object, which is not a category list.
    await db.pool.query(
      `INSERT INTO "Transaction"(id, user_id, account_id, amount, name, category, date)
       VALUES ('u_obj', 'u', 'u_acc', 1, 'obj', '{"primary":"Food"}'::jsonb, CURRENT_DATE),
              ('u_str', 'u', 'u_acc', 1, 'str', '"[\\"Food\\"]"'::jsonb, CURRENT_DATE)`,
    );
    const rows = await rowsFor(db, 'u');
    expect(rows.get('arr')!.category_type).toBe('jsonb');
    expect(mapTransaction(rows.get('arr')!).properties.category).toEqual(['Food and Drink', 'Restaurants']);
    expect(mapTransaction(rows.get('emoji')!).properties.category).toEqual(['Café ☕', '🛒']);
    expect(mapTransaction(rows.get('empty_arr')!).properties.category).toEqual([]);
    expect(mapTransaction(rows.get('null')!).warnings[0]).toContain('category is NULL');
    const obj = mapTransaction(rows.get('obj')!);
    expect(obj.properties.category).toEqual([]);
    expect(obj.warnings[0]).toMatch(/^transaction u_obj: category \(jsonb\) is an object, not an array/);
    // A jsonb string that looks like an array is still a string, not a list.
    const str = mapTransaction(rows.get('str')!);
    expect(str.properties.category).toEqual([]);
    expect(str.warnings[0]).toContain('is a string, not an array');
  });

  it('text[]', async () => {
    const db = await createTestDatabase(inject('pgAdminUrl'));
    dbs.push(db);
    await seedCategories(db);
    await db.pool.query(
      `ALTER TABLE "Transaction" ALTER COLUMN category TYPE text[]
       USING translate(category, '[]', '{}')::text[]`, // '["a","b"]' -> '{"a","b"}', an array literal
    );
    await db.pool.query(
      `INSERT INTO "Transaction"(id, user_id, account_id, amount, name, category, date)
       VALUES ('u_with_null', 'u', 'u_acc', 1, 'n', ARRAY['Travel', NULL, 'Taxi'], CURRENT_DATE)`,
    );
    const rows = await rowsFor(db, 'u');
    expect(rows.get('arr')!.category_type).toBe('text[]');
    expect(mapTransaction(rows.get('arr')!).properties.category).toEqual(['Food and Drink', 'Restaurants']);
    expect(mapTransaction(rows.get('emoji')!).properties.category).toEqual(['Café ☕', '🛒']);
    expect(mapTransaction(rows.get('empty_arr')!).properties.category).toEqual([]);
    expect(mapTransaction(rows.get('empty_arr')!).warnings).toEqual([]);
    expect(mapTransaction(rows.get('null')!).properties.category).toEqual([]);
    const withNull = mapTransaction(rows.get('with_null')!);
    expect(withNull.properties.category).toEqual(['Travel', 'Taxi']);
    expect(withNull.warnings[0]).toContain('non-text elements (null)');
  });
});
