export { transactionUuid, accountUuid, profileUuid, uuidFromKey } from './ids';
export { mapTransaction } from './map-transaction';
export { mapAccount } from './map-account';
export { mapProfile, UNKNOWN_RISK_TOLERANCE } from './map-profile';
export { parseCategory } from './category';
export type { ParsedCategory } from './category';
export {
  COLLECTIONS,
  TRANSACTION_COLLECTION,
  ACCOUNT_COLLECTION,
  USER_PROFILE_COLLECTION,
  collectionFor,
} from './collections';
export type { ExpectedCollection, ExpectedProperty, PropertyDataType } from './collections';
export type { MappedObject } from './types';
