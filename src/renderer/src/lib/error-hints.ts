/** What an operator can do about each error code; shown under the core's own message. */
import type { ErrorCode } from '../../../shared/errors';

const HINTS: Partial<Record<ErrorCode, string>> = {
  VALIDATION: 'Correct the highlighted value and try again.',
  NOT_FOUND: 'It may have been deleted; refresh the list.',
  BUSY: 'A sync is already running for this user. Wait for it to finish or cancel it.',
  CONFIG: 'Check the connection values in Settings.',
  POSTGRES_UNAVAILABLE: 'Check that PostgreSQL is running and the URL in Settings is right, then use "Test connection".',
  WEAVIATE_UNAVAILABLE: 'Check that Weaviate is running and its URL and gRPC port in Settings are right, then use "Test connection".',
  WEAVIATE_ERROR: 'Weaviate refused the request; the run log has the details.',
  SCHEMA_MISSING: 'Initialize the schema first (Schema → Initialize schema).',
  STORE_ERROR: 'The local history file could not be used; check disk space and permissions of its folder.',
  SECRET_STORAGE_UNAVAILABLE: 'This system has no secure key store; set the secret through the environment instead.',
  CANCELLED: 'The operation was cancelled.',
  FORBIDDEN: 'The request did not come from the console window.',
  INTERNAL: 'Unexpected error. Try again; if it persists, check the console log.',
};

export function hintFor(code: ErrorCode): string | null {
  return HINTS[code] ?? null;
}
