import { describe, expect, it } from 'vitest';
import { mapAccount, mapProfile } from '../../src/main/core/mapping';
import type { AccountRow, ProfileRow } from '../../src/main/core/source';

const account = (over: Partial<AccountRow> = {}): AccountRow => ({
  id: 'acc_1',
  user_id: 'user_1',
  item_id: 'item_1',
  name: 'Rewards Card',
  official_name: 'Rewards Visa Signature',
  mask: '1234',
  type: 'credit',
  subtype: 'credit card',
  balance_current: '350.25',
  balance_available: '1649.75',
  balance_limit: '2000.00',
  iso_currency_code: 'USD',
  institution_name: 'Platypus Bank',
  created_at: '2025-01-01T00:00:00.000Z',
  updated_at: '2026-02-03T04:05:06.789Z',
  ...over,
});

describe('mapAccount', () => {
  it('maps a clean row exactly', () => {
    expect(mapAccount(account())).toEqual({
      // md5("account_acc_1") = dcb2970b22afc8d6fbfe98dec38523bc
      uuid: 'dcb2970b-22af-48d6-fbfe-98dec38523bc',
      sourceId: 'acc_1',
      warnings: [],
      properties: {
        account_id: 'acc_1',
        user_id: 'user_1',
        name: 'Rewards Card',
        type: 'credit',
        subtype: 'credit card',
        balance_current: 350.25,
        balance_available: 1649.75,
        balance_limit: 2000,
        currency: 'USD',
        institution_name: 'Platypus Bank',
        last_updated: '2026-02-03T04:05:06.789Z',
      },
    });
  });

  it('leaves NULL balances out (null, not 0), and repairs type and currency with warnings', () => {
    const m = mapAccount(
      account({
        type: null,
        subtype: null,
        iso_currency_code: null,
        institution_name: null,
        balance_current: null,
        balance_available: null,
        balance_limit: null,
      }),
    );
    expect(m.properties).toMatchObject({
      type: 'unknown',
      subtype: '',
      currency: 'USD',
      institution_name: '',
      balance_current: null,
      balance_available: null,
      balance_limit: null,
    });
    expect(m.warnings).toEqual([
      'account acc_1: type is NULL, written as "unknown"',
      'account acc_1: currency is NULL, written as "USD"',
    ]);
  });

  it('keeps unicode names, negative cents and numbers given as numbers', () => {
    const m = mapAccount(account({ name: '💳 Carte Bleue — café', balance_available: '-0.01', balance_limit: 500 }));
    expect(m.properties.name).toBe('💳 Carte Bleue — café');
    expect(m.properties.balance_available).toBe(-0.01);
    expect(m.properties.balance_limit).toBe(500);
  });

  it('warns when a balance is beyond float64 precision', () => {
    const m = mapAccount(account({ balance_current: '9999999999999999.99' }));
    expect(m.properties.balance_current).toBe(1e16);
    expect(m.warnings).toEqual([
      "account acc_1: balance_current 9999999999999999.99 is beyond a float64's exact range; written as 10000000000000000",
    ]);
  });

  it('reports a non-numeric balance and leaves it out', () => {
    const m = mapAccount(account({ balance_current: 'NaN' }));
    expect(m.properties.balance_current).toBeNull();
    expect(m.warnings).toEqual(['account acc_1: balance_current is not a finite number ("NaN"), left out (null)']);
  });
});

const profile = (over: Partial<ProfileRow> = {}): ProfileRow => ({
  user_id: 'user_1',
  email: 'user_1@example.com',
  name: 'User One',
  total_assets: 16451.25,
  total_liabilities: 8350.25,
  monthly_income: 2510,
  monthly_expenses: 823.125,
  savings_rate: 0.672061752988048,
  months: 2,
  risk_tolerance: null,
  financial_goals: null,
  created_at: '2024-03-04T05:06:07.089Z',
  updated_at: '2026-03-09T12:00:00.000Z',
  ...over,
});

describe('mapProfile', () => {
  it('maps metrics and times exactly', () => {
    expect(mapProfile(profile())).toEqual({
      // md5("profile_user_1") = 40663cadea6430edb44745d7c417b289
      uuid: '40663cad-ea64-40ed-b447-45d7c417b289',
      sourceId: 'user_1',
      warnings: [],
      properties: {
        user_id: 'user_1',
        email: 'user_1@example.com',
        total_assets: 16451.25,
        total_liabilities: 8350.25,
        monthly_income: 2510,
        monthly_expenses: 823.125,
        savings_rate: 0.672061752988048,
        risk_tolerance: 'unknown',
        financial_goals: [],
        created_at: '2024-03-04T05:06:07.089Z',
        updated_at: '2026-03-09T12:00:00.000Z',
      },
    });
  });

  it('uses risk tolerance and goals when the source has them', () => {
    const m = mapProfile(profile({ risk_tolerance: 'moderate', financial_goals: ['house', 'retire'] }));
    expect(m.properties.risk_tolerance).toBe('moderate');
    expect(m.properties.financial_goals).toEqual(['house', 'retire']);
  });
});
