/**
 * A request to sync one user, several or all: resolves the users in PostgreSQL and queues one job
 * each. Unknown and busy users are refused by name, never dropped silently; a request for a single
 * user that cannot start is an error saying why.
 */
import type { StartSyncInput } from '../../../shared/api-inputs';
import type { StartSyncResult } from '../../../shared/domain';
import type { Actor } from '../../../shared/console-api';
import { AppError } from '../../../shared/errors';
import type { Connections } from '../connections';
import { existingUserIds, listAllUserIds } from '../source';
import type { JobQueue } from './job-queue';

type Request = Required<Pick<StartSyncInput, 'users' | 'type' | 'trigger'>> & { limit?: number };

async function resolveUsers(conn: Connections, users: string[] | 'all'): Promise<{ ids: string[]; unknown: string[] }> {
  if (users === 'all') {
    const ids: string[] = [];
    await conn.source(async (pool) => {
      for await (const page of listAllUserIds(pool)) ids.push(...page);
    });
    return { ids, unknown: [] };
  }
  const unique = [...new Set(users)];
  let found: Set<string>;
  try {
    found = await conn.source((pool) => existingUserIds(pool, unique));
  } catch (err) {
    // PostgreSQL is down: queue the named users anyway, so each gets a failed run in the history
    // that says what happened, rather than a request that left no trace but the audit log.
    if (err instanceof AppError && err.code === 'POSTGRES_UNAVAILABLE') return { ids: unique, unknown: [] };
    throw err;
  }
  return { ids: unique.filter((id) => found.has(id)), unknown: unique.filter((id) => !found.has(id)) };
}

/** The request's parameters as the audit log keeps them (long user lists summarised). */
export function auditParams(input: Request): Record<string, unknown> {
  return {
    users: input.users === 'all' ? 'all' : input.users.length > 20 ? `${input.users.length} users` : input.users,
    type: input.type,
    limit: input.limit ?? null,
    trigger: input.trigger,
  };
}

export function singleUserOf(input: Request): string | null {
  return input.users !== 'all' && input.users.length === 1 ? input.users[0]! : null;
}

export async function queueSyncs(conn: Connections, jobs: JobQueue, input: Request, who: Actor): Promise<StartSyncResult> {
  const { ids, unknown } = await resolveUsers(conn, input.users);
  const cfg = conn.settings.sync;
  const result: StartSyncResult = {
    started: [],
    refused: unknown.map((userId) => ({ userId, reason: `user ${userId} not found` })),
  };
  for (const userId of ids) {
    const r = jobs.submit({
      userId,
      type: input.type,
      trigger: input.trigger,
      actor: who.actor,
      settings: {
        batchSize: cfg.batchSize,
        transactionLimit: input.limit ?? cfg.transactionLimit,
        invertAmounts: cfg.invertAmounts,
      },
    });
    if ('runId' in r) result.started.push({ userId, runId: r.runId });
    else result.refused.push({ userId, reason: r.refused });
  }
  if (singleUserOf(input) && result.started.length === 0) {
    throw new AppError(unknown.length ? 'NOT_FOUND' : 'BUSY', result.refused[0]!.reason);
  }
  return result;
}
