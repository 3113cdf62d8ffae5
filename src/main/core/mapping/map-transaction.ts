import type { TransactionRow } from '../source/rows';
import { parseCategory } from './category';
import { transactionUuid } from './ids';
import type { MappedObject } from './types';
import { textOrEmpty, toDateText, toIsoText, toNumber } from './values';

/** A transaction row as a Transaction object (DESIGN.md §3). */
export function mapTransaction(row: TransactionRow): MappedObject {
  const id = String(row.id);
  const label = `transaction ${id}`;
  const warnings: string[] = [];

  const { categories, problem } = parseCategory(row.category, row.category_type);
  if (problem) warnings.push(`${label}: ${problem}`);

  let amount = toNumber(row.amount, `${label}: amount`, warnings);
  if (amount === null) {
    // The column is NOT NULL in the reference schema; a NaN numeric is the only way here.
    warnings.push(`${label}: amount written as 0`);
    amount = 0;
  }

  let currency = row.iso_currency_code;
  if (currency === null || currency === undefined || currency === '') {
    warnings.push(`${label}: currency is NULL, written as "USD"`);
    currency = 'USD';
  }

  const name = textOrEmpty(row.name);
  const merchant = textOrEmpty(row.merchant_name);
  const date = toDateText(row.date);

  return {
    uuid: transactionUuid(id),
    sourceId: id,
    warnings,
    properties: {
      transaction_id: id,
      user_id: String(row.user_id),
      account_id: textOrEmpty(row.account_id),
      amount,
      name,
      category: categories,
      date,
      pending: row.pending === true,
      merchant_name: merchant,
      payment_channel: textOrEmpty(row.payment_channel),
      month_year: date.slice(0, 7),
      // What a vectorizer embeds. Empty parts are skipped so a missing merchant leaves no double space.
      description_embedding: [name, merchant, ...categories].filter((s) => s.trim() !== '').join(' '),
      currency,
      source_updated_at: toIsoText(row.updated_at),
    },
  };
}
