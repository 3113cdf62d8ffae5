/**
 * The one way the renderer calls main: every window.api method returns a Result envelope; this turns
 * it into data or a thrown UiError that keeps the code (so views can show code-specific hints).
 */
import type { Result } from '../../../shared/ipc-contract';
import type { ErrorCode, ErrorInfo } from '../../../shared/errors';

export class UiError extends Error {
  readonly code: ErrorCode;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'UiError';
    this.code = info.code;
  }
}

const BRIDGE_MISSING: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The console bridge is missing (the page was opened outside the console window): restart the console.' },
};

/**
 * window.api, or (opened without the preload, e.g. in a plain browser) a stand-in whose every call
 * answers with an error, so each view shows the problem where it would show any other failure.
 */
export function api(): Window['api'] {
  if (window.api) return window.api;
  return new Proxy({} as Window['api'], {
    get: (_target, name) => (name === 'on' ? () => () => undefined : async () => BRIDGE_MISSING),
  });
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await pending;
  } catch (err) {
    // A rejected call means the bridge itself failed (main crashed or the channel is missing).
    throw new UiError({ code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) });
  }
  if (result.ok) return result.data;
  throw new UiError(result.error);
}

export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof UiError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: 'INTERNAL', message: err.message };
  return { code: 'INTERNAL', message: String(err) };
}
