/**
 * Small converters shared by the mappers. They never throw on odd input: a sync must write every row
 * it can, and report what it had to repair.
 */

/** Text shown inside a warning: quoted and cut short, so a huge value cannot flood the run log. */
export function quote(value: unknown, max = 60): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return `"${s.length > max ? `${s.slice(0, max)}…` : s}"`;
}

/** Above this, a float64 can no longer hold every cent exactly. */
const EXACT_CENTS_LIMIT = 2 ** 53 / 100;

function centsOf(decimal: string): string | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!m) return null;
  const frac = (m[3] ?? '').padEnd(2, '0');
  if (frac.length > 2) return null; // other scales: no cent-level comparison
  return `${m[1]}${m[2].replace(/^0+(?=\d)/, '')}.${frac}`;
}

/**
 * A numeric column as a JS number. pg returns numeric as an exact string; Number() rounds it to the
 * nearest float64, which is exact for every realistic amount. When it is not (|x| > ~9e13), the row is
 * still written, with a warning giving the value written.
 */
export function toNumber(
  value: unknown,
  what: string,
  warnings: string[],
): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (typeof value === 'string' && value.trim() === '') {
    warnings.push(`${what} is empty, left out (null)`);
    return null;
  }
  if (!Number.isFinite(n)) {
    warnings.push(`${what} is not a finite number (${quote(value)}), left out (null)`);
    return null;
  }
  if (typeof value === 'string' && Math.abs(n) >= EXACT_CENTS_LIMIT) {
    const cents = centsOf(value);
    if (cents !== null && cents !== n.toFixed(2)) {
      warnings.push(`${what} ${value} is beyond a float64's exact range; written as ${n}`);
    }
  }
  // -0 would be written as 0 by JSON anyway; make it explicit so comparisons in tests are plain.
  return Object.is(n, -0) ? 0 : n;
}

/** 'YYYY-MM-DD' from a date column (a string from SQL, or a Date that pg parsed at local midnight). */
export function toDateText(value: unknown): string {
  if (value instanceof Date) {
    const p = (x: number) => String(x).padStart(2, '0');
    return `${value.getFullYear()}-${p(value.getMonth() + 1)}-${p(value.getDate())}`;
  }
  return String(value ?? '').slice(0, 10);
}

/** ISO 8601 from a timestamptz column (formatted in SQL, or a Date). */
export function toIsoText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (value === null || value === undefined) return '';
  return String(value);
}

/** NULL text becomes "" as the original tool wrote it. */
export const textOrEmpty = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
