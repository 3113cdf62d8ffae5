/**
 * Users as the operator sees them: rows from PostgreSQL joined with what the local store knows of
 * their syncs. The list uses recorded state only (no Weaviate round trip per row); one user's
 * detail also counts live in Weaviate so drift shows up.
 */
import type { ListUsersInput } from '../../shared/api-inputs';
import { listUsersInput } from '../../shared/api-inputs';
import type { DataType, Page, SyncSummary, TypeStatus, UserDetail, UserRow, UserStatus } from '../../shared/domain';
import { COLLECTION_OF, DATA_TYPES } from '../../shared/domain';
import { AppError, toErrorInfo } from '../../shared/errors';
import type { Connections } from './connections';
import { countSource, countUsers, getUser, listUsers } from './source';
import type { SourceUser } from './source';
import type { Store } from './store';
import { deriveOverall, deriveTypeState } from './store';
import type { UserStates } from './store';
import { countForUser } from './target/counts';
import { parseInput } from './parse-input';
import type { JobQueue } from './sync/job-queue';

function lastSyncedAt(states: UserStates): string | null {
  let best: string | null = null;
  for (const dt of DATA_TYPES) {
    const at = states[dt]?.lastSuccessAt ?? null;
    if (at && (!best || at > best)) best = at;
  }
  return best;
}

export async function listUserRows(conn: Connections, store: Store, input: ListUsersInput): Promise<Page<UserRow>> {
  const q = parseInput(listUsersInput, input);
  const { rows, total } = await conn.source((pool) => listUsers(pool, q));
  const states = store.state.getMany(rows.map((r) => r.id));
  const now = new Date();
  const intervalHours = conn.settings.sync.intervalHours;
  const items = rows.map((u): UserRow => {
    const s = states.get(u.id)!;
    const typeStates = Object.fromEntries(
      DATA_TYPES.map((dt) => [dt, deriveTypeState(s[dt], { now, intervalHours })]),
    ) as UserRow['states'];
    return {
      ...u,
      overall: deriveOverall(Object.values(typeStates)),
      states: typeStates,
      lastSyncedAt: lastSyncedAt(s),
    };
  });
  return { items, total, offset: q.offset, limit: q.limit };
}

function expectedFor(dt: DataType, pg: { accounts: number; transactions: number }, limit: number): { postgres: number; expected: number } {
  if (dt === 'profile') return { postgres: 1, expected: 1 };
  if (dt === 'accounts') return { postgres: pg.accounts, expected: pg.accounts };
  return { postgres: pg.transactions, expected: limit > 0 ? Math.min(pg.transactions, limit) : pg.transactions };
}

export async function userStatus(conn: Connections, store: Store, user: SourceUser): Promise<UserStatus> {
  const pgCounts = await conn.source((pool) => countSource(pool, user.id));
  const recorded = store.state.get(user.id);
  const now = new Date();
  const { intervalHours, transactionLimit } = conn.settings.sync;

  let weaviateError: string | null = null;
  const live: Partial<Record<DataType, number>> = {};
  try {
    const client = await conn.weaviate();
    for (const dt of DATA_TYPES) {
      const name = COLLECTION_OF[dt];
      live[dt] = (await client.collections.exists(name)) ? await countForUser(client, conn.endpoint(), name, user.id) : 0;
    }
  } catch (err) {
    weaviateError = toErrorInfo(err).message;
  }

  const types = {} as Record<DataType, TypeStatus>;
  for (const dt of DATA_TYPES) {
    const s = recorded[dt];
    // The limit that matters for drift is the one the last run used: a run with --limit 10 wrote 10.
    const limit = s && dt === 'transactions' ? transactionLimitOfRun(store, s.lastRunId) ?? transactionLimit : transactionLimit;
    const { postgres, expected } = expectedFor(dt, pgCounts, limit);
    const weaviateCount = weaviateError ? null : (live[dt] ?? null);
    types[dt] = {
      type: dt,
      state: deriveTypeState(s, { now, intervalHours, weaviateCount, expectedCount: expected }),
      lastSyncedAt: s?.lastSuccessAt ?? null,
      postgresCount: postgres,
      expectedCount: expected,
      weaviateCount,
      lastError: s?.lastError ?? null,
      lastRunId: s?.lastRunId ?? null,
    };
  }
  return {
    userId: user.id,
    overall: deriveOverall(DATA_TYPES.map((dt) => types[dt].state)),
    lastSyncedAt: lastSyncedAt(recorded),
    types,
    weaviateError,
  };
}

function transactionLimitOfRun(store: Store, runId: string): number | null {
  return store.runs.get(runId)?.transactionLimit ?? null;
}

export async function userDetail(conn: Connections, store: Store, jobs: JobQueue, userId: string): Promise<UserDetail> {
  const user = await conn.source((pool) => getUser(pool, userId));
  if (!user) throw new AppError('NOT_FOUND', `user ${userId} not found`);
  return {
    user,
    status: await userStatus(conn, store, user),
    recentRuns: store.runs.recentForUser(userId, 20),
    activeJob: jobs.forUser(userId),
  };
}

/**
 * Users by badge for the Overview: the total from PostgreSQL, the badges from the store in one query.
 * The store keeps the state of users since deleted from PostgreSQL (nothing prunes it), so its counts
 * can exceed the total; they are clamped so no count goes negative or past the total. Until deleted
 * users' state is pruned, the synced counts can therefore include such users.
 */
export async function syncSummary(conn: Connections, store: Store): Promise<SyncSummary> {
  const users = await conn.source((pool) => countUsers(pool));
  const s = store.state.summary({ now: new Date(), intervalHours: conn.settings.sync.intervalHours });
  const fullySynced = Math.min(s.fullySynced, users);
  const partiallySynced = Math.min(s.usable - s.fullySynced, users - fullySynced);
  return { users, fullySynced, partiallySynced, notSynced: Math.max(0, users - fullySynced - partiallySynced) };
}
