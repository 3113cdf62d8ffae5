import type { ProfileRow } from '../source/rows';
import { profileUuid } from './ids';
import type { MappedObject } from './types';
import { toIsoText, toNumber } from './values';

/**
 * The finance schema has no risk tolerance or goals yet; "unknown" and [] say so plainly instead of
 * inventing a value an assistant would repeat to the user.
 */
export const UNKNOWN_RISK_TOLERANCE = 'unknown';

/** A profile row (metrics computed in SQL) as a UserProfile object (DESIGN.md §3). */
export function mapProfile(row: ProfileRow): MappedObject {
  const userId = String(row.user_id);
  const label = `profile ${userId}`;
  const warnings: string[] = [];
  const num = (value: unknown, what: string) => toNumber(value, `${label}: ${what}`, warnings) ?? 0;

  return {
    uuid: profileUuid(userId),
    sourceId: userId,
    warnings,
    properties: {
      user_id: userId,
      email: String(row.email ?? ''),
      total_assets: num(row.total_assets, 'total_assets'),
      total_liabilities: num(row.total_liabilities, 'total_liabilities'),
      monthly_income: num(row.monthly_income, 'monthly_income'),
      monthly_expenses: num(row.monthly_expenses, 'monthly_expenses'),
      savings_rate: num(row.savings_rate, 'savings_rate'),
      risk_tolerance: row.risk_tolerance ?? UNKNOWN_RISK_TOLERANCE,
      financial_goals: Array.isArray(row.financial_goals) ? row.financial_goals.map(String) : [],
      created_at: toIsoText(row.created_at),
      updated_at: toIsoText(row.updated_at),
    },
  };
}
