/**
 * Second line of defence for the audit log: callers redact secrets before recording, but if one
 * slips through, values under secret-looking keys become "***" and URL passwords are masked.
 * The result is plain JSON (no undefined, functions, bigints or cycles), so it always stores.
 */
const SECRET_KEY = /passw(or)?d|passphrase|^pass$|pwd|secret|api[-_]?key|token|credential|authorization|private[-_]?key/i;
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:)[^\s/?#@]*@/gi;
const MAX_DEPTH = 8;
const MAX_STRING = 2000;

export const MASK = '***';

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

const maskUrlPasswords = (s: string) => s.replace(URL_PASSWORD, `$1${MASK}@`);

function scrubString(s: string): string {
  const masked = maskUrlPasswords(s);
  return masked.length > MAX_STRING ? masked.slice(0, MAX_STRING) + '… (cut)' : masked;
}

function scrubValue(value: unknown, depth: number, seen: Set<object>): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') return scrubString(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'object') return undefined; // undefined, functions, symbols: dropped like JSON does
  if (seen.has(value) || depth >= MAX_DEPTH) return '[…]';
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1, seen) ?? null);
    return scrubObject(value as Record<string, unknown>, depth + 1, seen);
  } finally {
    seen.delete(value);
  }
}

function scrubObject(obj: Record<string, unknown>, depth: number, seen: Set<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(obj)) {
    if (isSecretKey(key)) {
      // Keep "was it set?" visible: null, empty and true/false (e.g. apiKeySet: true) are not secrets.
      out[key] = v === undefined || v === null || v === '' || typeof v === 'boolean' ? (v ?? null) : MASK;
      continue;
    }
    const clean = scrubValue(v, depth, seen);
    if (clean !== undefined) out[key] = clean;
  }
  return out;
}

export function scrubParams(params: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!params || typeof params !== 'object' || Array.isArray(params)) return {};
  return scrubObject(params, 0, new Set([params]));
}

/** Masks URL passwords in free text (error messages can quote a connection string). */
export function scrubText(text: string | null): string | null {
  return text === null ? null : maskUrlPasswords(text);
}
