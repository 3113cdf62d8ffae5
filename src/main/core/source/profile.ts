/**
 * The profile metrics of DESIGN.md §3, in one SQL statement:
 *   total_assets      = sum(balance_current) over depository + investment accounts
 *   total_liabilities = sum(balance_current) over credit + loan accounts
 *   over non-pending transactions with CURRENT_DATE - 180 <= date <= CURRENT_DATE (database time zone),
 *   months            = distinct calendar months having any such transaction
 *   monthly_income    = sum(-amount) of amounts < 0 / months   (Plaid: negative = money in)
 *   monthly_expenses  = sum(amount) of amounts > 0 / months
 *   savings_rate      = (income - expenses) / income when income > 0, else 0
 * Every figure is 0 when there is no data. With invertAmounts, amounts are negated first
 * (for databases that store positive = money in).
 */
import type pg from 'pg';
import type { ProfileRow } from './rows';
import { isoSql, read } from './sql';

export const PROFILE_WINDOW_DAYS = 180;

const PROFILE_SQL = `
WITH usr AS (
  SELECT id, email, name, created_at FROM "User" WHERE id = $1
),
acc AS (
  SELECT
    coalesce(sum(balance_current) FILTER (WHERE lower(type) IN ('depository', 'investment')), 0) AS assets,
    coalesce(sum(balance_current) FILTER (WHERE lower(type) IN ('credit', 'loan')), 0) AS liabilities
  FROM "Account" WHERE user_id = $1
),
tx AS (
  SELECT CASE WHEN $2::boolean THEN -amount ELSE amount END AS amt, date
  FROM "Transaction"
  WHERE user_id = $1 AND NOT pending
    AND date >= CURRENT_DATE - ${PROFILE_WINDOW_DAYS} AND date <= CURRENT_DATE
),
flows AS (
  SELECT
    coalesce(sum(-amt) FILTER (WHERE amt < 0), 0) AS income,
    coalesce(sum(amt) FILTER (WHERE amt > 0), 0) AS expenses,
    count(DISTINCT date_trunc('month', date)) AS months
  FROM tx
),
monthly AS (
  SELECT months,
    CASE WHEN months > 0 THEN income / months ELSE 0 END AS monthly_income,
    CASE WHEN months > 0 THEN expenses / months ELSE 0 END AS monthly_expenses
  FROM flows
)
SELECT usr.id AS user_id, usr.email, usr.name,
  acc.assets::text AS total_assets,
  acc.liabilities::text AS total_liabilities,
  monthly.monthly_income::text AS monthly_income,
  monthly.monthly_expenses::text AS monthly_expenses,
  (CASE WHEN monthly.monthly_income > 0
     THEN (monthly.monthly_income - monthly.monthly_expenses) / monthly.monthly_income
     ELSE 0 END)::text AS savings_rate,
  monthly.months::int AS months,
  ${isoSql('usr.created_at')} AS created_at,
  ${isoSql('now()')} AS updated_at
FROM usr CROSS JOIN acc CROSS JOIN monthly`;

type ProfileSqlRow = Omit<
  ProfileRow,
  'total_assets' | 'total_liabilities' | 'monthly_income' | 'monthly_expenses' | 'savings_rate' | 'risk_tolerance' | 'financial_goals'
> & {
  total_assets: string;
  total_liabilities: string;
  monthly_income: string;
  monthly_expenses: string;
  savings_rate: string;
};

/** numeric text -> JS number (nearest float64; exact for every realistic amount). */
const num = (v: string): number => {
  const n = Number(v);
  return Number.isFinite(n) && !Object.is(n, -0) ? n : 0;
};

/** One user's profile with metrics, or null when the user does not exist. */
export async function readProfile(
  pool: pg.Pool,
  userId: string,
  opts: { invertAmounts: boolean },
): Promise<ProfileRow | null> {
  const { rows } = await pool.query<ProfileSqlRow>(read(PROFILE_SQL, [userId, opts.invertAmounts === true]));
  const r = rows[0];
  if (!r) return null;
  return {
    user_id: r.user_id,
    email: r.email,
    name: r.name,
    total_assets: num(r.total_assets),
    total_liabilities: num(r.total_liabilities),
    monthly_income: num(r.monthly_income),
    monthly_expenses: num(r.monthly_expenses),
    savings_rate: num(r.savings_rate),
    months: r.months,
    risk_tolerance: null,
    financial_goals: null,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}
