import { describe, expect, it } from 'vitest';
import {
  COLLECTIONS,
  collectionFor,
  mapAccount,
  mapProfile,
  mapTransaction,
} from '../../src/main/core/mapping';

// The properties the Elysia backend queries (DESIGN.md §3): names and types must never change.
const REQUIRED: Record<string, Record<string, string>> = {
  Transaction: {
    transaction_id: 'text', user_id: 'text', account_id: 'text', amount: 'number', name: 'text',
    category: 'text[]', date: 'text', pending: 'boolean', merchant_name: 'text', payment_channel: 'text',
    month_year: 'text', description_embedding: 'text',
  },
  Account: {
    account_id: 'text', user_id: 'text', name: 'text', type: 'text', subtype: 'text', balance_current: 'number',
    balance_available: 'number', balance_limit: 'number', currency: 'text', institution_name: 'text',
    last_updated: 'text',
  },
  UserProfile: {
    user_id: 'text', email: 'text', total_assets: 'number', total_liabilities: 'number', monthly_income: 'number',
    monthly_expenses: 'number', savings_rate: 'number', risk_tolerance: 'text', financial_goals: 'text[]',
    created_at: 'text', updated_at: 'text',
  },
};

const sample = {
  transactions: mapTransaction({
    id: 't', user_id: 'u', account_id: null, amount: '1', iso_currency_code: null, name: 'n', merchant_name: null,
    category: null, category_type: 'text', date: '2026-01-01', pending: false, payment_channel: null,
    created_at: '', updated_at: '',
  }),
  accounts: mapAccount({
    id: 'a', user_id: 'u', item_id: null, name: 'n', official_name: null, mask: null, type: null, subtype: null,
    balance_current: null, balance_available: null, balance_limit: null, iso_currency_code: null,
    institution_name: null, created_at: '', updated_at: '',
  }),
  profile: mapProfile({
    user_id: 'u', email: 'e', name: null, total_assets: 0, total_liabilities: 0, monthly_income: 0,
    monthly_expenses: 0, savings_rate: 0, months: 0, risk_tolerance: null, financial_goals: null,
    created_at: '', updated_at: '',
  }),
};

describe('COLLECTIONS', () => {
  it('lists Transaction, Account and UserProfile with every required property and type', () => {
    expect(COLLECTIONS.map((c) => c.name).sort()).toEqual(['Account', 'Transaction', 'UserProfile']);
    for (const c of COLLECTIONS) {
      const actual = Object.fromEntries(c.properties.map((p) => [p.name, p.dataType]));
      expect(actual).toMatchObject(REQUIRED[c.name]);
      // Additions are limited to text and number (DESIGN.md §3 allows a few).
      for (const [name, type] of Object.entries(actual))
        if (!(name in REQUIRED[c.name])) expect(['text', 'number']).toContain(type);
    }
  });

  it('has no duplicate property names', () => {
    for (const c of COLLECTIONS) expect(new Set(c.properties.map((p) => p.name)).size).toBe(c.properties.length);
  });

  it('mapping output keys are exactly the property names, with values of the declared types', () => {
    for (const [dataType, obj] of Object.entries(sample)) {
      const c = collectionFor(dataType as 'transactions' | 'accounts' | 'profile');
      expect(Object.keys(obj.properties).sort()).toEqual(c.properties.map((p) => p.name).sort());
      for (const p of c.properties) {
        const v = obj.properties[p.name];
        if (v === null) {
          expect(p.dataType).toBe('number'); // only NULL balances are left out
          continue;
        }
        const kind = Array.isArray(v) ? 'text[]' : typeof v === 'string' ? 'text' : typeof v;
        expect(`${p.name}:${kind}`).toBe(`${p.name}:${p.dataType}`);
      }
    }
  });
});
