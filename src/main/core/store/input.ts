import type { z } from 'zod';
import { AppError } from '../../../shared/errors';

/** Parses with a shared input schema (applying its defaults); bad input becomes a VALIDATION error. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  throw new AppError('VALIDATION', `invalid ${what}: ${issues}`);
}

/** A page size or count from code: whole, at least 1, capped so no query returns unbounded rows. */
export function boundedLimit(value: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new AppError('VALIDATION', `${field} must be a whole number of at least 1 (got ${String(value)})`);
  }
  return Math.min(value, max);
}
