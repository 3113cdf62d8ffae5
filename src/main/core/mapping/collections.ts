/**
 * The Weaviate collections the sync writes, with the names and types the Elysia backend already
 * queries (DESIGN.md §3). Properties may be added here; none may be renamed or retyped, or the
 * backend's queries break. The mappers' output keys are tested against these lists.
 */
import type { DataType } from '../../../shared/domain';
import { COLLECTION_OF } from '../../../shared/domain';

export type PropertyDataType = 'text' | 'text[]' | 'number' | 'boolean' | 'int' | 'date';

export interface ExpectedProperty {
  name: string;
  dataType: PropertyDataType;
}

export interface ExpectedCollection {
  name: string;
  dataType: DataType;
  properties: ExpectedProperty[];
}

const props = (spec: Record<string, PropertyDataType>): ExpectedProperty[] =>
  Object.entries(spec).map(([name, dataType]) => ({ name, dataType }));

export const TRANSACTION_COLLECTION: ExpectedCollection = {
  name: COLLECTION_OF.transactions,
  dataType: 'transactions',
  properties: props({
    transaction_id: 'text',
    user_id: 'text',
    account_id: 'text',
    amount: 'number',
    name: 'text',
    category: 'text[]',
    date: 'text',
    pending: 'boolean',
    merchant_name: 'text',
    payment_channel: 'text',
    month_year: 'text',
    description_embedding: 'text',
    // additions (allowed by DESIGN.md §3): the amount's currency and the row's last change
    currency: 'text',
    source_updated_at: 'text',
  }),
};

export const ACCOUNT_COLLECTION: ExpectedCollection = {
  name: COLLECTION_OF.accounts,
  dataType: 'accounts',
  properties: props({
    account_id: 'text',
    user_id: 'text',
    name: 'text',
    type: 'text',
    subtype: 'text',
    balance_current: 'number',
    balance_available: 'number',
    balance_limit: 'number',
    currency: 'text',
    institution_name: 'text',
    last_updated: 'text',
  }),
};

export const USER_PROFILE_COLLECTION: ExpectedCollection = {
  name: COLLECTION_OF.profile,
  dataType: 'profile',
  properties: props({
    user_id: 'text',
    email: 'text',
    total_assets: 'number',
    total_liabilities: 'number',
    monthly_income: 'number',
    monthly_expenses: 'number',
    savings_rate: 'number',
    risk_tolerance: 'text',
    financial_goals: 'text[]',
    created_at: 'text',
    updated_at: 'text',
  }),
};

/** In the order a full sync writes them: profile, accounts, transactions. */
export const COLLECTIONS: readonly ExpectedCollection[] = [
  USER_PROFILE_COLLECTION,
  ACCOUNT_COLLECTION,
  TRANSACTION_COLLECTION,
];

export function collectionFor(dataType: DataType): ExpectedCollection {
  const found = COLLECTIONS.find((c) => c.dataType === dataType);
  if (!found) throw new Error(`no collection for ${dataType}`);
  return found;
}
