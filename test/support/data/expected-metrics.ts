/**
 * The profile metrics of DESIGN.md §3 recomputed by hand, in integer cents, independently of the SQL
 * under test. Tests compare readProfile's figures with these.
 */
import { minusDays } from './dates';

export interface MetricAccount {
  type: string | null;
  balanceCurrent: number | string | null;
}

export interface MetricTransaction {
  amount: number | string;
  /** 'YYYY-MM-DD' */
  date: string;
  pending: boolean;
}

export interface ExpectedMetrics {
  total_assets: number;
  total_liabilities: number;
  monthly_income: number;
  monthly_expenses: number;
  savings_rate: number;
  months: number;
}

const cents = (v: number | string): number => Math.round(Number(v) * 100);

export function expectedMetrics(input: {
  accounts: MetricAccount[];
  transactions: MetricTransaction[];
  /** The database's CURRENT_DATE, 'YYYY-MM-DD' */
  today: string;
  invertAmounts?: boolean;
}): ExpectedMetrics {
  let assets = 0;
  let liabilities = 0;
  for (const a of input.accounts) {
    if (a.balanceCurrent === null) continue;
    const t = (a.type ?? '').toLowerCase();
    if (t === 'depository' || t === 'investment') assets += cents(a.balanceCurrent);
    if (t === 'credit' || t === 'loan') liabilities += cents(a.balanceCurrent);
  }

  const from = minusDays(input.today, 180);
  let income = 0;
  let expenses = 0;
  const months = new Set<string>();
  for (const t of input.transactions) {
    if (t.pending || t.date < from || t.date > input.today) continue;
    const amt = cents(t.amount) * (input.invertAmounts ? -1 : 1);
    if (amt < 0) income += -amt;
    if (amt > 0) expenses += amt;
    months.add(t.date.slice(0, 7));
  }
  const m = months.size;
  const monthlyIncome = m ? income / 100 / m : 0;
  const monthlyExpenses = m ? expenses / 100 / m : 0;
  return {
    total_assets: assets / 100,
    total_liabilities: liabilities / 100,
    monthly_income: monthlyIncome,
    monthly_expenses: monthlyExpenses,
    savings_rate: monthlyIncome > 0 ? (monthlyIncome - monthlyExpenses) / monthlyIncome : 0,
    months: m,
  };
}
