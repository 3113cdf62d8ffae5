import { AppError } from '../../../shared/errors';

/**
 * Every time in the store is `Date.toISOString()` (UTC, milliseconds, "Z"), so comparing the text
 * compares the instants. Times from callers may carry any offset and are normalised here.
 */
export function toIsoUtc(value: string | Date, field: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) {
    throw new AppError('VALIDATION', `${field} must be an ISO 8601 time such as 2026-01-31T12:00:00Z (got ${String(value)})`);
  }
  return date.toISOString();
}
