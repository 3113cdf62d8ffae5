/** SQL fragments shared by the queries. */

/** A timestamptz column as ISO 8601 UTC text with milliseconds (no JS Date time-zone handling). */
export const isoSql = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A date column as 'YYYY-MM-DD'. */
export const dateSql = (column: string): string => `to_char(${column}, 'YYYY-MM-DD')`;

/** Escapes LIKE wildcards so a search for "50%" or "a_b" matches literally (used with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
