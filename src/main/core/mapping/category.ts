/**
 * A transaction's category as an array of strings, whatever the column holds: text with a JSON array
 * (the reference schema), jsonb, or text[]. Anything else becomes [] and a reason the caller turns
 * into a warning; the row is still synced.
 */
import { quote } from './values';

export interface ParsedCategory {
  categories: string[];
  /** Why the value was repaired ("category is NULL"), or null when it was a clean array. */
  problem: string | null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Elements are kept when they are strings; numbers and booleans are turned into text; null dropped. */
function fromArray(items: unknown[]): ParsedCategory {
  const categories: string[] = [];
  const odd: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') categories.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean') {
      categories.push(String(item));
      odd.push(String(item));
    } else odd.push(JSON.stringify(item) ?? String(item));
  }
  const problem = odd.length
    ? `category holds non-text elements (${odd.slice(0, 5).join(', ')}), written as ${JSON.stringify(categories)}`
    : null;
  return { categories, problem };
}

function isTextType(kind: string | undefined, value: unknown): boolean {
  if (kind === undefined || kind === '') return typeof value === 'string';
  return kind === 'text' || kind.startsWith('character') || kind === 'varchar' || kind === 'unknown';
}

/**
 * @param value the column through to_jsonb() (or the raw value)
 * @param kind  pg_typeof of the column: tells a text column holding '["a"]' from a jsonb string "[\"a\"]"
 */
export function parseCategory(value: unknown, kind?: string): ParsedCategory {
  if (value === null || value === undefined) return { categories: [], problem: 'category is NULL, written as []' };
  if (isTextType(kind, value)) {
    const text = String(value);
    if (text.trim() === '') return { categories: [], problem: 'category is empty, written as []' };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { categories: [], problem: `category is malformed JSON (${quote(text)}), written as []` };
    }
    if (!Array.isArray(parsed))
      return { categories: [], problem: `category is ${describe(parsed)}, not a JSON array (${quote(text)}), written as []` };
    return fromArray(parsed);
  }
  // jsonb / json (already parsed by pg) or text[] (an array).
  if (!Array.isArray(value))
    return {
      categories: [],
      problem: `category (${kind ?? 'json'}) is ${describe(value)}, not an array (${quote(value)}), written as []`,
    };
  return fromArray(value);
}
