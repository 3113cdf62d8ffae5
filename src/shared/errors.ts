/**
 * Error codes that cross every boundary (IPC envelope, CLI --json, run records).
 * Electron keeps only the message of a thrown error, so errors cross IPC as { code, message } data.
 */
export const ERROR_CODES = [
  'VALIDATION', // bad input: names the field and what was expected
  'NOT_FOUND', // unknown user, run, ...
  'BUSY', // a job already runs for this user
  'CONFIG', // bad or missing configuration value
  'POSTGRES_UNAVAILABLE',
  'WEAVIATE_UNAVAILABLE',
  'WEAVIATE_ERROR', // Weaviate answered with an error
  'SCHEMA_MISSING', // a collection the sync writes to does not exist: run schema init
  'STORE_ERROR', // the local SQLite history store
  'SECRET_STORAGE_UNAVAILABLE',
  'CANCELLED',
  'FORBIDDEN', // IPC from a sender that is not our window
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: 'INTERNAL', message: err.message };
  return { code: 'INTERNAL', message: String(err) };
}
