/**
 * Removing secrets from text before it is logged, stored in the history or shown to the operator.
 * Every function here is total: a malformed input gives back a best-effort answer, never an exception,
 * because these run inside error handlers where a second throw would hide the first error.
 */

const MASK = '***';

/**
 * scheme://user:password@  (the password may hold anything but whitespace; the last '@' before the
 * host ends it). Lengths are bounded so a long line without spaces cannot make the match quadratic.
 */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]{0,30}:\/\/[^\s:/@]{0,256}:)[^\s]{0,1024}@(?=[^\s@]{0,1024}(?:[\s/?#]|$))/gi;

/**
 * key=value or "key": "value" pairs whose key names a secret: password, passwd, pwd, secret, api key,
 * access/refresh/auth token, plus prefixed variables such as WEAVIATE_API_KEY or PGPASSWORD.
 * Every alternative of the value matches once it starts (an unclosed quote runs to the end of the
 * line), and the key prefix is bounded, so the scan stays linear on any input.
 */
const SECRET_PAIRS =
  /([A-Za-z0-9_-]{0,40}(?:password|passwd|pwd|secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|refresh[_-]?token))(["']?\s*[=:]\s*)("[^"\n]*"?|'[^'\n]*'?|[^\s&;,"'}]+)/gi;

/** Authorization headers: "Bearer abc.def", "Basic dXNlcjpwYXNz". */
const AUTH_SCHEMES = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{4,}/g;

/** postgres://u:***@h:5432/db. Returns the input unchanged when it holds no password. */
export function redactUrl(url: string): string {
  if (typeof url !== 'string') return '';
  try {
    const u = new URL(url);
    if (!u.password) return url;
    u.password = MASK;
    return u.toString();
  } catch {
    return url.replace(URL_CREDENTIALS, `$1${MASK}@`);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes connection-string credentials, password=... pairs, Bearer/Basic tokens, API keys and every
 * given secret (also in its URL-encoded form, as it appears inside connection strings).
 */
export function redactSecrets(text: string, secrets: string[] = []): string {
  if (typeof text !== 'string') return '';
  let out = text;
  // Known secrets first: a password that happens to contain '@' or '&' would otherwise be cut in two
  // by the pattern rules below and leave a fragment behind.
  const literal = new Set<string>();
  for (const s of secrets) {
    if (typeof s !== 'string' || s.length === 0) continue;
    literal.add(s);
    try {
      literal.add(encodeURIComponent(s));
    } catch {
      // lone surrogates cannot be encoded; the raw form is still removed
    }
  }
  // Longest first, so a secret that contains another one is removed whole.
  for (const s of [...literal].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(escapeRegExp(s), 'g'), MASK);
  }
  out = out.replace(URL_CREDENTIALS, `$1${MASK}@`);
  out = out.replace(AUTH_SCHEMES, `$1 ${MASK}`);
  out = out.replace(SECRET_PAIRS, (_m, key: string, sep: string, value: string) => {
    const quote = value.startsWith('"') || value.startsWith("'") ? value[0] : '';
    return `${key}${sep}${quote}${MASK}${quote}`;
  });
  return out;
}

const DEFAULT_PORTS: Record<string, number> = {
  'postgres:': 5432,
  'postgresql:': 5432,
  'http:': 80,
  'https:': 443,
  'grpc:': 50051,
};

/** "host:port" of a URL, for messages ("cannot reach 10.0.0.5:5432"). Never includes credentials. */
export function targetOf(url: string): string {
  if (typeof url !== 'string' || url.trim() === '') return 'unknown host';
  const raw = url.trim();
  let u: URL;
  try {
    u = new URL(raw);
    // "localhost:8080" parses as scheme "localhost:" with no host; treat it as a bare host:port.
    if (!u.host && !(u.protocol in DEFAULT_PORTS)) u = new URL(`http://${raw}`);
  } catch {
    try {
      u = new URL(`http://${raw}`);
    } catch {
      return 'unknown host';
    }
  }
  let host = u.hostname;
  let port = u.port ? Number(u.port) : DEFAULT_PORTS[u.protocol];
  // libpq style: postgres:///db?host=/var/run/postgresql&port=5433
  const qHost = u.searchParams.get('host');
  const qPort = u.searchParams.get('port');
  if (!host && qHost) host = qHost;
  if (!u.port && qPort && /^\d+$/.test(qPort)) port = Number(qPort);
  if (!host) host = 'localhost';
  return port ? `${host}:${port}` : host;
}
