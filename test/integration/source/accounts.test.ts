import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../support/postgres/database';
import { seedOddRows, seedUser } from '../../support/data';
import { countSource, createSourcePool, existingUserIds, readAccounts } from '../../../src/main/core/source';

let db: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase(inject('pgAdminUrl'));
  pool = createSourcePool(db.url, { connectTimeoutMs: 5000 });
  await seedUser(db.pool, { id: 'u_acc', institution: 'Platypus Bank' });
  await seedOddRows(db.pool, 'u_odd');
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe('readAccounts', () => {
  it('returns every account of the user with its institution, ordered by id', async () => {
    const rows = await readAccounts(pool, 'u_acc');
    expect(rows.map((r) => r.id)).toEqual([
      'u_acc_acc_brokerage',
      'u_acc_acc_card',
      'u_acc_acc_checking',
      'u_acc_acc_savings',
      'u_acc_acc_student',
    ]);
    expect(rows.find((r) => r.id === 'u_acc_acc_card')).toEqual({
      id: 'u_acc_acc_card',
      user_id: 'u_acc',
      item_id: 'u_acc_item',
      name: 'Rewards Card',
      official_name: null,
      mask: null,
      type: 'credit',
      subtype: 'credit card',
      balance_current: '350.25',
      balance_available: '1649.75',
      balance_limit: '2000.00',
      iso_currency_code: 'USD',
      institution_name: 'Platypus Bank',
      created_at: '2025-01-15T10:00:00.000Z',
      updated_at: '2025-01-15T10:00:00.000Z',
    });
  });

  it('keeps NULLs of odd accounts, without an item or with an unnamed one', async () => {
    const rows = await readAccounts(pool, 'u_odd');
    const allNull = rows.find((r) => r.id === 'u_odd_acc_allnull')!;
    expect(allNull).toMatchObject({
      item_id: null,
      type: null,
      subtype: null,
      balance_current: null,
      balance_available: null,
      balance_limit: null,
      iso_currency_code: null,
      institution_name: null,
    });
    const emoji = rows.find((r) => r.id === 'u_odd_acc_emoji')!;
    expect(emoji.name).toBe('💳 Carte Bleue — café Zürich 日本');
    expect(emoji.item_id).toBe('u_odd_item_noname');
    expect(emoji.institution_name).toBeNull();
    expect(emoji.balance_current).toBe('9999999999999999.99');
    expect(emoji.balance_available).toBe('-0.01');
  });

  it('returns an empty list for an unknown user', async () => {
    expect(await readAccounts(pool, 'nobody')).toEqual([]);
  });
});

describe('countSource', () => {
  it('counts accounts and transactions of one user', async () => {
    expect(await countSource(pool, 'u_acc')).toEqual({ accounts: 5, transactions: 12 });
    expect(await countSource(pool, 'u_odd')).toEqual({ accounts: 2, transactions: 12 });
    expect(await countSource(pool, 'nobody')).toEqual({ accounts: 0, transactions: 0 });
  });
});

describe('existingUserIds', () => {
  it('returns the ids that exist, across chunks of 1,000', async () => {
    const asked = ['u_acc', 'nobody', 'u_odd', ...Array.from({ length: 1500 }, (_, i) => `missing_${i}`)];
    expect(await existingUserIds(pool, asked)).toEqual(new Set(['u_acc', 'u_odd']));
    expect(await existingUserIds(pool, [])).toEqual(new Set());
  });
});
