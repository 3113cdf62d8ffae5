/**
 * Input validation for the core's own callers (the CLI, tests, the scheduler): the same schemas and
 * the same field-naming messages as the IPC wrapper, as AppError('VALIDATION') rather than a raw
 * ZodError dump.
 */
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { formatIssues, issueMessage } from '../../shared/validation-message';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input, { error: issueMessage });
  if (!parsed.success) throw new AppError('VALIDATION', formatIssues(parsed.error.issues));
  return parsed.data;
}
