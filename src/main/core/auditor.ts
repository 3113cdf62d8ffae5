/**
 * The audit trail of operations that change something: who, what, which user, parameters, outcome.
 * `audited` records the outcome either way, so a failure is as visible as a success.
 */
import type { Actor } from '../../shared/console-api';
import { toErrorInfo } from '../../shared/errors';
import type { Store } from './store';

export class Auditor {
  constructor(private readonly store: Store) {}

  record(who: Actor, action: string, userId: string | null, params: Record<string, unknown>, error?: unknown): void {
    this.store.audit.record({
      actor: who.actor,
      action,
      userId,
      params,
      outcome: error ? 'error' : 'ok',
      error: error ? toErrorInfo(error).message : null,
    });
  }

  /** Runs fn, records its outcome (with `result`'s fields on success), rethrows a failure. */
  async audited<T>(
    who: Actor,
    action: string,
    userId: string | null,
    params: Record<string, unknown>,
    fn: () => Promise<T>,
    result?: (v: T) => Record<string, unknown>,
  ): Promise<T> {
    let value: T;
    try {
      value = await fn();
    } catch (err) {
      this.record(who, action, userId, params, err);
      throw err;
    }
    this.record(who, action, userId, { ...params, ...(result ? result(value) : {}) });
    return value;
  }
}
