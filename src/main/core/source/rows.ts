/**
 * Rows as the source queries return them: raw-ish values straight from SQL, validated and shaped by
 * the mapping. Dates arrive as 'YYYY-MM-DD' and times as ISO 8601 UTC strings (formatted in SQL, so no
 * JavaScript Date ever shifts them by a time zone); numerics arrive as strings (pg's default, exact).
 */

export interface AccountRow {
  id: string;
  user_id: string;
  item_id: string | null;
  name: string;
  official_name: string | null;
  mask: string | null;
  type: string | null;
  subtype: string | null;
  balance_current: string | number | null;
  balance_available: string | number | null;
  balance_limit: string | number | null;
  iso_currency_code: string | null;
  /** From the account's "Item"; null when the account has no item or the item no name. */
  institution_name: string | null;
  created_at: string;
  updated_at: string;
}

export interface TransactionRow {
  id: string;
  user_id: string;
  account_id: string | null;
  amount: string | number;
  iso_currency_code: string | null;
  name: string;
  merchant_name: string | null;
  /**
   * The category column through to_jsonb(): for a text column the JSON-encoded text (a JS string the
   * mapper still has to parse), for jsonb the value itself, for text[] an array; null for NULL.
   */
  category: unknown;
  /** pg_typeof(category): 'text', 'jsonb', 'json', 'text[]', 'character varying', ... */
  category_type: string;
  date: string;
  pending: boolean;
  payment_channel: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProfileRow {
  user_id: string;
  email: string;
  name: string | null;
  total_assets: number;
  total_liabilities: number;
  monthly_income: number;
  monthly_expenses: number;
  savings_rate: number;
  /** Distinct calendar months with non-pending transactions in the 180-day window (the divisor). */
  months: number;
  /** The finance schema has no such columns yet; null until it does. */
  risk_tolerance: string | null;
  financial_goals: string[] | null;
  /** The user's created_at. */
  created_at: string;
  /** When these figures were computed (the database's now()). */
  updated_at: string;
}
