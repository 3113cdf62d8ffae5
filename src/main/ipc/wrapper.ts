/**
 * The one path every IPC call takes: sender check -> zod parse -> handler -> result envelope.
 * Errors cross as data ({ code, message }) because Electron keeps only a thrown error's message.
 * Free of 'electron': ipcMain and the browser end-to-end tests (through exposeBinding) both call this.
 */
import { CHANNELS, type Channel, type ChannelOutput, type Result } from '../../shared/ipc-contract';
import { AppError, type ErrorInfo } from '../../shared/errors';
import { redactSecrets } from '../core/redact';
import type { Handlers } from './handlers';
import { formatIssues, issueMessage } from '../../shared/validation-message';

export interface SenderInfo {
  /** True only when the call comes from our own window showing our own page. */
  isTrusted: boolean;
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CHANNELS, name);
}

function failure(code: ErrorInfo['code'], message: string): { ok: false; error: ErrorInfo } {
  return { ok: false, error: { code, message: redactSecrets(message) } };
}

/** Maps anything thrown by a handler to the envelope, with credentials and keys removed. */
export function errorResult(err: unknown): { ok: false; error: ErrorInfo } {
  if (err instanceof AppError) return failure(err.code, err.message);
  const message = err instanceof Error ? err.message : String(err);
  return failure('INTERNAL', `unexpected error: ${message}`);
}

export async function invokeChannel<C extends Channel>(
  handlers: Handlers,
  channel: C,
  rawInput: unknown,
  sender: SenderInfo,
): Promise<Result<ChannelOutput<C>>>;
export async function invokeChannel(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
  sender: SenderInfo,
): Promise<Result<unknown>>;
export async function invokeChannel(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
  sender: SenderInfo,
): Promise<Result<unknown>> {
  if (!sender.isTrusted) {
    return failure('FORBIDDEN', `"${String(channel)}" refused: the request did not come from the console window`);
  }
  if (!isChannel(channel)) {
    return failure('NOT_FOUND', `unknown channel "${String(channel).slice(0, 100)}"`);
  }
  const parsed = CHANNELS[channel].input.safeParse(rawInput, { error: issueMessage });
  if (!parsed.success) return failure('VALIDATION', formatIssues(parsed.error.issues));
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    const data = await handler(parsed.data);
    return { ok: true, data };
  } catch (err) {
    return errorResult(err);
  }
}
