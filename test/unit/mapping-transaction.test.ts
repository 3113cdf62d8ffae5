import { describe, expect, it } from 'vitest';
import { mapTransaction, parseCategory, transactionUuid } from '../../src/main/core/mapping';
import type { TransactionRow } from '../../src/main/core/source';

const row = (over: Partial<TransactionRow> = {}): TransactionRow => ({
  id: 'tx_1',
  user_id: 'user_1',
  account_id: 'acc_1',
  amount: '12.34',
  iso_currency_code: 'USD',
  name: 'Blue Bottle',
  merchant_name: 'Blue Bottle Coffee',
  category: '["Food and Drink","Coffee Shop"]',
  category_type: 'text',
  date: '2026-03-09',
  pending: false,
  payment_channel: 'in store',
  created_at: '2026-03-09T10:00:00.000Z',
  updated_at: '2026-03-10T11:12:13.456Z',
  ...over,
});

describe('mapTransaction', () => {
  it('maps a clean row exactly', () => {
    expect(mapTransaction(row())).toEqual({
      uuid: '52a17439-96bb-4ec7-fff2-6293454af7a6',
      sourceId: 'tx_1',
      warnings: [],
      properties: {
        transaction_id: 'tx_1',
        user_id: 'user_1',
        account_id: 'acc_1',
        amount: 12.34,
        name: 'Blue Bottle',
        category: ['Food and Drink', 'Coffee Shop'],
        date: '2026-03-09',
        pending: false,
        merchant_name: 'Blue Bottle Coffee',
        payment_channel: 'in store',
        month_year: '2026-03',
        description_embedding: 'Blue Bottle Blue Bottle Coffee Food and Drink Coffee Shop',
        currency: 'USD',
        source_updated_at: '2026-03-10T11:12:13.456Z',
      },
    });
  });

  it('writes NULL account, merchant and payment channel as "" without a warning', () => {
    const m = mapTransaction(row({ account_id: null, merchant_name: null, payment_channel: null }));
    expect(m.properties).toMatchObject({ account_id: '', merchant_name: '', payment_channel: '' });
    expect(m.properties.description_embedding).toBe('Blue Bottle Food and Drink Coffee Shop');
    expect(m.warnings).toEqual([]);
  });

  it('writes a NULL currency as USD with a warning', () => {
    const m = mapTransaction(row({ iso_currency_code: null }));
    expect(m.properties.currency).toBe('USD');
    expect(m.warnings).toEqual(['transaction tx_1: currency is NULL, written as "USD"']);
  });

  it.each([
    [null, 'transaction tx_9: category is NULL, written as []'],
    ['', 'transaction tx_9: category is empty, written as []'],
    ['   ', 'transaction tx_9: category is empty, written as []'],
    ['[Food', 'transaction tx_9: category is malformed JSON ("[Food"), written as []'],
    ['{"a":1}', 'transaction tx_9: category is an object, not a JSON array ("{"a":1}"), written as []'],
    ['"Food"', 'transaction tx_9: category is a string, not a JSON array (""Food""), written as []'],
    ['42', 'transaction tx_9: category is a number, not a JSON array ("42"), written as []'],
    ['null', 'transaction tx_9: category is null, not a JSON array ("null"), written as []'],
  ])('repairs category %j to [] with a warning naming the row', (category, warning) => {
    const m = mapTransaction(row({ id: 'tx_9', category }));
    expect(m.properties.category).toEqual([]);
    expect(m.warnings).toEqual([warning]);
    expect(m.properties.description_embedding).toBe('Blue Bottle Blue Bottle Coffee');
  });

  it('keeps unicode and emoji categories and names', () => {
    const m = mapTransaction(
      row({ name: '🍕 Pizza — Zürich', merchant_name: 'Pizzeria Ümlaut', category: '["Café ☕","日本料理"]' }),
    );
    expect(m.properties.category).toEqual(['Café ☕', '日本料理']);
    expect(m.properties.description_embedding).toBe('🍕 Pizza — Zürich Pizzeria Ümlaut Café ☕ 日本料理');
    expect(m.warnings).toEqual([]);
  });

  it('cuts a long malformed value short in the warning', () => {
    const m = mapTransaction(row({ category: '[' + 'x'.repeat(500) }));
    expect(m.warnings[0].length).toBeLessThan(200);
    expect(m.warnings[0]).toContain('…');
  });

  it('converts non-text array elements and reports them', () => {
    const m = mapTransaction(row({ category: '["Food", 7, null, true]' }));
    expect(m.properties.category).toEqual(['Food', '7', 'true']);
    expect(m.warnings).toEqual([
      'transaction tx_1: category holds non-text elements (7, null, true), written as ["Food","7","true"]',
    ]);
  });

  it('reads jsonb arrays and text[] as they come from to_jsonb()', () => {
    expect(mapTransaction(row({ category: ['A', 'B'], category_type: 'jsonb' })).properties.category).toEqual(['A', 'B']);
    expect(mapTransaction(row({ category: ['A'], category_type: 'text[]' })).properties.category).toEqual(['A']);
    const obj = mapTransaction(row({ category: { a: 1 }, category_type: 'jsonb' }));
    expect(obj.properties.category).toEqual([]);
    expect(obj.warnings[0]).toBe('transaction tx_1: category (jsonb) is an object, not an array ("{"a":1}"), written as []');
  });

  it('writes numbers as JS numbers, -0.01 and very large amounts included', () => {
    expect(mapTransaction(row({ amount: '-0.01' })).properties.amount).toBe(-0.01);
    expect(mapTransaction(row({ amount: '0.00' })).properties.amount).toBe(0);
    expect(Object.is(mapTransaction(row({ amount: '-0.00' })).properties.amount, 0)).toBe(true);
    const big = mapTransaction(row({ amount: '9999999999999999.99' }));
    expect(big.properties.amount).toBe(1e16);
    expect(big.warnings).toEqual([
      "transaction tx_1: amount 9999999999999999.99 is beyond a float64's exact range; written as 10000000000000000",
    ]);
    // Large but exactly representable to the cent: no warning.
    const fine = mapTransaction(row({ amount: '12345678901.23' }));
    expect(fine.properties.amount).toBe(12345678901.23);
    expect(fine.warnings).toEqual([]);
  });

  it('formats date, month and pending; accepts a Date from a pool without date parsers', () => {
    const m = mapTransaction(row({ date: new Date(2026, 0, 31) as unknown as string, pending: true }));
    expect(m.properties.date).toBe('2026-01-31');
    expect(m.properties.month_year).toBe('2026-01');
    expect(m.properties.pending).toBe(true);
  });

  it('uses the deterministic id of the transaction', () => {
    expect(mapTransaction(row({ id: 'tx_9' })).uuid).toBe(transactionUuid('tx_9'));
  });
});

describe('parseCategory', () => {
  it('tells a text column from a jsonb string by the column type', () => {
    expect(parseCategory('["A"]', 'text').categories).toEqual(['A']);
    expect(parseCategory('["A"]', 'character varying').categories).toEqual(['A']);
    expect(parseCategory('["A"]', 'jsonb').categories).toEqual([]);
    expect(parseCategory('["A"]').categories).toEqual(['A']);
    expect(parseCategory(['A']).categories).toEqual(['A']);
  });
});
