/**
 * Turns whatever weaviate-client throws into an AppError an operator can act on: which server,
 * what went wrong, what to check. Secrets never appear (the client's messages can echo headers).
 */
import { AppError } from '../../../shared/errors';
import { redactSecrets } from '../redact';

export interface WeaviateEndpoint {
  /** e.g. http://localhost:8080 */
  url: string;
  grpcPort: number;
}

export function describeEndpoint(ep: WeaviateEndpoint): string {
  try {
    const u = new URL(ep.url);
    const port = u.port || (u.protocol === 'https:' ? '443' : '80');
    return `${u.hostname}:${port} (gRPC port ${ep.grpcPort})`;
  } catch {
    return `${ep.url} (gRPC port ${ep.grpcPort})`;
  }
}

const UNREACHABLE_HINT =
  'Check that Weaviate is running and that WCD_URL and LOCAL_WEAVIATE_GRPC_PORT point at it (the gRPC port must be reachable too).';

/**
 * The console never cancels a gRPC call itself, so a CANCELLED status means the server went away
 * mid-call (grpc-js reports a connection dropped under an open call that way).
 */
function isConnectionFailure(message: string): boolean {
  return /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|UNAVAILABLE|CANCELLED|fetch failed|socket hang up|No connection established|connect/i.test(
    message,
  );
}

/**
 * weaviate-client does not export its error classes from the package entry; each sets its name to
 * the class name, so that is what we classify by.
 */
function errorName(err: unknown): string {
  return err instanceof Error ? err.name : '';
}
const AUTH_ERRORS = new Set(['WeaviateUnauthenticatedError', 'WeaviateInsufficientPermissionsError']);
const UNREACHABLE_ERRORS = new Set(['WeaviateStartUpError', 'WeaviateGRPCUnavailableError', 'WeaviateRequestTimeoutError']);

export function toWeaviateError(err: unknown, ep: WeaviateEndpoint, doing: string, secrets: string[] = []): AppError {
  if (err instanceof AppError) return err;
  const where = describeEndpoint(ep);
  const raw = err instanceof Error ? err.message : String(err);
  const msg = redactSecrets(raw, secrets).replace(/\s+/g, ' ').trim().slice(0, 600);
  const name = errorName(err);
  if (AUTH_ERRORS.has(name)) {
    return new AppError(
      'WEAVIATE_ERROR',
      `Weaviate at ${where} refused to ${doing}: not authorised (${msg}). Check WEAVIATE_API_KEY.`,
      { cause: err },
    );
  }
  if (UNREACHABLE_ERRORS.has(name) || (name !== 'WeaviateUnexpectedStatusCodeError' && isConnectionFailure(raw))) {
    return new AppError('WEAVIATE_UNAVAILABLE', `Weaviate at ${where} is not reachable (${doing}): ${msg}. ${UNREACHABLE_HINT}`, {
      cause: err,
    });
  }
  return new AppError('WEAVIATE_ERROR', `Weaviate at ${where} failed to ${doing}: ${msg}`, { cause: err });
}
