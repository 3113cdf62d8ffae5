/**
 * Turns zod issues into one sentence an operator (or the renderer developer) can act on, naming the
 * field path and what was expected, e.g. "limit: expected a whole number from 1 to 500".
 * Messages written into the schemas themselves ("a run id is a UUID") take precedence over these:
 * zod only asks this map for issues whose schema has no message of its own.
 */
import type { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

/** Bounds beyond which a number check is a type limit, not a rule worth telling the operator. */
const HUGE = Number.MAX_SAFE_INTEGER;

interface NumberBounds {
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
}

function describeNumber(schema: NumberBounds): string {
  const what = schema.isInt ? 'a whole number' : 'a number';
  const min = typeof schema.minValue === 'number' && Math.abs(schema.minValue) < HUGE ? schema.minValue : null;
  const max = typeof schema.maxValue === 'number' && Math.abs(schema.maxValue) < HUGE ? schema.maxValue : null;
  if (min !== null && max !== null) return `expected ${what} from ${min} to ${max}`;
  if (min !== null) return `expected ${what} of ${min} or more`;
  if (max !== null) return `expected ${what} of at most ${max}`;
  return `expected ${what}`;
}

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return 'text';
  return typeof input === 'object' ? 'an object' : typeof input;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  undefined: 'nothing',
};

/** Per-parse error map (lower precedence than messages set in the schema). */
export function issueMessage(issue: RawIssue): string | undefined {
  const schema = (issue as { schema?: unknown }).schema as (NumberBounds & { _zod?: { def?: { type?: string } } }) | undefined;
  const schemaType = schema?._zod?.def?.type;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined && issue.expected !== 'undefined') return 'is required';
      if (issue.expected === 'undefined') return 'this call takes no input';
      if (schemaType === 'number' && schema) {
        // 1.5 for a whole number is a number too: only mention what came when it was not one.
        const got = typeof issue.input === 'number' ? '' : ` (got ${received(issue.input)})`;
        return `${describeNumber(schema)}${got}`;
      }
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      return `expected ${expected} (got ${received(issue.input)})`;
    }
    case 'too_small':
    case 'too_big': {
      if (schemaType === 'number' && schema) return describeNumber(schema);
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const word = issue.code === 'too_small' ? 'at least' : 'at most';
      if (issue.origin === 'string') return `expected ${word} ${bound} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `expected ${word} ${bound} items`;
      return `expected ${word} ${bound}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return `expected a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys
        .map((k) => JSON.stringify(k))
        .join(', ')}: remove ${issue.keys.length === 1 ? 'it' : 'them'}`;
    case 'invalid_union': {
      // Say what each accepted form wanted, e.g. 'expected a list (got text), or expected one of "all"'.
      const branches = (issue.errors ?? [])
        .map((branch) => branch[0]?.message)
        .filter((m): m is string => typeof m === 'string' && m.length > 0);
      return branches.length > 0 ? branches.join(', or ') : 'does not match any accepted form';
    }
    default:
      return undefined;
  }
}

/** "users.0: is required; limit: expected a whole number from 1 to 500" */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : `input: ${issue.message}`;
    })
    .join('; ');
}
