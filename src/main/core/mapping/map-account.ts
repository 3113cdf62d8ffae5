import type { AccountRow } from '../source/rows';
import { accountUuid } from './ids';
import type { MappedObject } from './types';
import { textOrEmpty, toIsoText, toNumber } from './values';

/** An account row as an Account object (DESIGN.md §3). */
export function mapAccount(row: AccountRow): MappedObject {
  const id = String(row.id);
  const label = `account ${id}`;
  const warnings: string[] = [];

  let type = row.type;
  if (type === null || type === undefined || type === '') {
    warnings.push(`${label}: type is NULL, written as "unknown"`);
    type = 'unknown';
  }
  let currency = row.iso_currency_code;
  if (currency === null || currency === undefined || currency === '') {
    warnings.push(`${label}: currency is NULL, written as "USD"`);
    currency = 'USD';
  }

  return {
    uuid: accountUuid(id),
    sourceId: id,
    warnings,
    properties: {
      account_id: id,
      user_id: String(row.user_id),
      name: textOrEmpty(row.name),
      type,
      subtype: textOrEmpty(row.subtype),
      // Deliberate fix of the original tool: a NULL balance stays null rather than 0, so the assistant
      // never reads "you have $0 available" when the bank reported nothing.
      balance_current: toNumber(row.balance_current, `${label}: balance_current`, warnings),
      balance_available: toNumber(row.balance_available, `${label}: balance_available`, warnings),
      balance_limit: toNumber(row.balance_limit, `${label}: balance_limit`, warnings),
      currency,
      institution_name: textOrEmpty(row.institution_name),
      last_updated: toIsoText(row.updated_at),
    },
  };
}
