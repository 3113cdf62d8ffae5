/**
 * PostgreSQL failures as errors an operator can act on: what happened, where (host:port, never the
 * password), and what to check. pg's own messages ("connect ECONNREFUSED 127.0.0.1:5432",
 * "timeout expired") say little to someone who did not write the code.
 */
import { AppError } from '../../../shared/errors';
import { redactSecrets, targetOf } from '../redact';

export interface SourceErrorInfo {
  message: string;
  hint: string;
  target: string;
}

/** An AppError('POSTGRES_UNAVAILABLE') that also carries the hint and target separately. */
export class SourceError extends AppError {
  readonly hint: string;
  readonly target: string;
  constructor(info: SourceErrorInfo, cause?: unknown) {
    super('POSTGRES_UNAVAILABLE', `${info.message}. ${info.hint}`, { cause });
    this.name = 'SourceError';
    this.hint = info.hint;
    this.target = info.target;
  }
}

function urlParts(databaseUrl: string): { user: string; database: string; password: string } {
  try {
    const u = new URL(databaseUrl);
    return {
      user: decodeURIComponent(u.username),
      database: decodeURIComponent(u.pathname.replace(/^\//, '')),
      password: decodeURIComponent(u.password),
    };
  } catch {
    return { user: '', database: '', password: '' };
  }
}

function errorCode(err: unknown): string {
  const e = err as { code?: unknown; errors?: unknown[] };
  if (typeof e?.code === 'string') return e.code;
  // Node reports "localhost" failing on both ::1 and 127.0.0.1 as an AggregateError.
  if (Array.isArray(e?.errors) && e.errors.length) return errorCode(e.errors[0]);
  return '';
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    if (err.message) return err.message;
    const inner = (err as { errors?: unknown[] }).errors;
    if (Array.isArray(inner) && inner.length) return errorMessage(inner[0]);
    return err.name;
  }
  return String(err);
}

export function describeSourceError(
  err: unknown,
  databaseUrl: string,
  opts: { timeoutMs?: number } = {},
): SourceErrorInfo {
  const target = targetOf(databaseUrl);
  const { user, database, password } = urlParts(databaseUrl);
  const code = errorCode(err);
  const raw = redactSecrets(errorMessage(err), password ? [password] : []);
  const check = 'Check DATABASE_URL (or the PostgreSQL URL in Settings)';
  const within = opts.timeoutMs ? ` within ${opts.timeoutMs} ms` : '';

  // pg-pool's wording when every pooled connection is in use for longer than the connect timeout:
  // the server is fine, the console is busy. Checked before the generic timeout below.
  if (/timeout exceeded when trying to connect/i.test(raw))
    return {
      target,
      message: `every connection to PostgreSQL at ${target} stayed busy${within}`,
      hint: 'Too much work at once (many syncs running); try again when some have finished.',
    };
  if (/Query read timeout/i.test(raw))
    return {
      target,
      message: `PostgreSQL at ${target} stopped answering in the middle of a query`,
      hint: 'Check the server and the network, then try again.',
    };
  if (code === 'ECONNREFUSED')
    return { target, message: `PostgreSQL at ${target} refused the connection`, hint: `Is PostgreSQL running and listening on ${target}? ${check}.` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return { target, message: `PostgreSQL host of ${target} was not found (DNS lookup failed)`, hint: `Check the host name. ${check}.` };
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || (code !== '57014' && /timeout|timed out/i.test(raw)))
    return {
      target,
      message: `PostgreSQL at ${target} did not answer${within}`,
      hint: `Check that the host is reachable from this machine (firewall, VPN, security group). ${check}.`,
    };
  if (code === '28P01' || code === '28000')
    return {
      target,
      message: `PostgreSQL at ${target} refused the login${user ? ` for user "${user}"` : ''} (${raw})`,
      hint:
        code === '28000'
          ? `The server does not allow this user from this machine (pg_hba.conf) or the role does not exist. ${check}.`
          : `Check the user name and password. ${check}.`,
    };
  if (code === '3D000')
    return {
      target,
      message: `database${database ? ` "${database}"` : ''} does not exist on PostgreSQL at ${target}`,
      hint: `Check the database name at the end of the URL. ${check}.`,
    };
  if (code === '53300')
    return { target, message: `PostgreSQL at ${target} has too many connections`, hint: 'Try again later or raise max_connections.' };
  if (code === '57014')
    return { target, message: `a query on PostgreSQL at ${target} was cancelled (statement timeout)`, hint: 'The database is slow or overloaded; try again later.' };
  if (code === '57P01' || code === '57P02' || code === '57P03')
    return { target, message: `PostgreSQL at ${target} is shutting down or starting up`, hint: 'Wait for the server to be ready and try again.' };
  if (code === 'ECONNRESET' || code === 'EPIPE' || /terminated|Connection ended/i.test(raw))
    return { target, message: `the connection to PostgreSQL at ${target} was lost (${raw})`, hint: 'Check the server and the network, then try again.' };
  if (/ssl/i.test(raw) || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
    return { target, message: `PostgreSQL at ${target}: ${raw}`, hint: `Check the sslmode parameter of the URL. ${check}.` };
  if (code === '42P01' || code === '42703')
    return {
      target,
      message: `PostgreSQL at ${target} does not have the expected finance tables (${raw})`,
      hint: 'Check that DATABASE_URL points at the finance database.',
    };
  return { target, message: `PostgreSQL at ${target}: ${raw}`, hint: check + '.' };
}

/** Any failure talking to PostgreSQL as AppError('POSTGRES_UNAVAILABLE'); AppErrors pass through. */
export function toSourceError(err: unknown, databaseUrl: string, opts: { timeoutMs?: number } = {}): AppError {
  if (err instanceof AppError) return err;
  return new SourceError(describeSourceError(err, databaseUrl, opts), err);
}
