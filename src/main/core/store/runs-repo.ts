import type { Database, Statement } from 'better-sqlite3';
import {
  DATA_TYPES,
  RUN_TRIGGERS,
  SYNC_TYPES,
  TERMINAL_RUN_STATUSES,
  type DataType,
  type SyncRun,
  type TypeCounts,
} from '../../../shared/domain';
import { listHistoryInput, type ListHistoryInput } from '../../../shared/api-inputs';
import { AppError } from '../../../shared/errors';
import { boundedLimit, parseInput } from './input';
import { scrubText } from './scrub-params';
import type { NewRun, RunsRepo } from './store-types';
import { toIsoUtc } from './time';

interface RunRow {
  id: string;
  user_id: string;
  type: SyncRun['type'];
  trigger: SyncRun['trigger'];
  actor: string;
  status: SyncRun['status'];
  transaction_limit: number;
  queued_at: string;
  started_at: string | null;
  finished_at: string | null;
  counts: string;
  error: string | null;
}

type Counts = Partial<Record<DataType, TypeCounts>>;

const COLUMNS =
  'id, user_id, type, trigger, actor, status, transaction_limit, queued_at, started_at, finished_at, counts, error';
const MAX_ERROR_CHARS = 4000;

function toRun(row: RunRow): SyncRun {
  return {
    id: row.id,
    userId: row.user_id,
    type: row.type,
    trigger: row.trigger,
    actor: row.actor,
    status: row.status,
    transactionLimit: row.transaction_limit,
    queuedAt: row.queued_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    counts: JSON.parse(row.counts) as Counts,
    error: row.error,
  };
}

/** Keeps only known data types with whole, non-negative counters, so the JSON column stays clean. */
function checkCounts(counts: Counts, runId: string): Counts {
  const clean: Counts = {};
  for (const [type, c] of Object.entries(counts ?? {})) {
    if (!(DATA_TYPES as readonly string[]).includes(type)) {
      throw new AppError('VALIDATION', `run ${runId}: unknown data type "${type}" in counts (expected ${DATA_TYPES.join(', ')})`);
    }
    if (c === undefined) continue;
    const fields = ['read', 'written', 'failed', 'warnings'] as const;
    for (const f of fields) {
      if (!Number.isInteger(c[f]) || c[f] < 0) {
        throw new AppError('VALIDATION', `run ${runId}: counts.${type}.${f} must be a whole number >= 0 (got ${String(c[f])})`);
      }
    }
    clean[type as DataType] = { read: c.read, written: c.written, failed: c.failed, warnings: c.warnings };
  }
  return clean;
}

/** Errors can quote a connection string; its password never reaches the file. */
function clip(text: string | null): string | null {
  const clean = scrubText(text);
  if (clean === null || clean.length <= MAX_ERROR_CHARS) return clean;
  return clean.slice(0, MAX_ERROR_CHARS) + '… (cut)';
}

export function createRunsRepo(db: Database, now: () => Date, owner: string): RunsRepo {
  const insert = db.prepare(
    `INSERT INTO sync_runs (id, user_id, type, trigger, actor, status, transaction_limit, queued_at, counts, owner)
     VALUES (@id, @userId, @type, @trigger, @actor, 'queued', @transactionLimit, @queuedAt, '{}', @owner)`,
  );
  const byId = db.prepare(`SELECT ${COLUMNS} FROM sync_runs WHERE id = ?`);
  const setRunning = db.prepare(`UPDATE sync_runs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'`);
  const setCounts = db.prepare('UPDATE sync_runs SET counts = ? WHERE id = ?');
  const setFinished = db.prepare(
    `UPDATE sync_runs SET status = ?, error = ?, counts = ?, finished_at = ?
     WHERE id = ? AND status IN ('queued', 'running')`,
  );
  const recent = db.prepare(
    `SELECT ${COLUMNS} FROM sync_runs WHERE user_id = ? ORDER BY queued_at DESC, rowid DESC LIMIT ?`,
  );

  // One statement per filter combination (at most 2^6), prepared once.
  const statements = new Map<string, Statement>();
  const cached = (sql: string) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };

  function mustGet(id: string): RunRow {
    const row = byId.get(id) as RunRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `sync run ${id} not found`);
    return row;
  }

  function mergedCounts(row: RunRow, counts: Counts | undefined): string {
    const merged = { ...(JSON.parse(row.counts) as Counts), ...checkCounts(counts ?? {}, row.id) };
    return JSON.stringify(merged);
  }

  const finishTx = db.transaction(
    (id: string, status: string, error: string | null, counts: Counts | undefined): RunRow => {
      const row = mustGet(id);
      if (!['queued', 'running'].includes(row.status)) {
        throw new AppError('STORE_ERROR', `sync run ${id} already ended as ${row.status}; it cannot be finished again`);
      }
      setFinished.run(status, clip(error), mergedCounts(row, counts), now().toISOString(), id);
      return mustGet(id);
    },
  );

  const countsTx = db.transaction((id: string, counts: Counts) => {
    const row = mustGet(id);
    setCounts.run(mergedCounts(row, counts), id);
  });

  return {
    create(r: NewRun) {
      if (!(SYNC_TYPES as readonly string[]).includes(r.type)) {
        throw new AppError('VALIDATION', `unknown sync type "${r.type}" (expected ${SYNC_TYPES.join(', ')})`);
      }
      if (!(RUN_TRIGGERS as readonly string[]).includes(r.trigger)) {
        throw new AppError('VALIDATION', `unknown run trigger "${r.trigger}" (expected ${RUN_TRIGGERS.join(', ')})`);
      }
      if (!Number.isInteger(r.transactionLimit) || r.transactionLimit < 0) {
        throw new AppError('VALIDATION', `the transaction limit is 0 (all) or a whole number above (got ${r.transactionLimit})`);
      }
      try {
        insert.run({ ...r, queuedAt: now().toISOString(), owner });
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
          throw new AppError('VALIDATION', `a sync run with id ${r.id} already exists`, { cause: err });
        }
        throw err;
      }
      return toRun(mustGet(r.id));
    },

    markRunning(id) {
      if (setRunning.run(now().toISOString(), id).changes === 1) return;
      const row = mustGet(id);
      if (row.status === 'running') return;
      throw new AppError('STORE_ERROR', `sync run ${id} already ended as ${row.status}; it cannot start again`);
    },

    updateCounts(id, counts) {
      countsTx(id, counts);
    },

    finish(id, r) {
      if (!TERMINAL_RUN_STATUSES.includes(r.status)) {
        throw new AppError('VALIDATION', `a run finishes as one of ${TERMINAL_RUN_STATUSES.join(', ')} (got ${r.status})`);
      }
      return toRun(finishTx(id, r.status, r.error, r.counts));
    },

    get(id) {
      const row = byId.get(id) as RunRow | undefined;
      return row ? toRun(row) : null;
    },

    list(filter: ListHistoryInput) {
      const f = parseInput(listHistoryInput, filter, 'history filter');
      const where: string[] = [];
      const params: Record<string, string | number> = {};
      if (f.userId !== undefined) (where.push('user_id = @userId'), (params.userId = f.userId));
      if (f.type !== undefined) (where.push('type = @type'), (params.type = f.type));
      if (f.status !== undefined) (where.push('status = @status'), (params.status = f.status));
      if (f.trigger !== undefined) (where.push('trigger = @trigger'), (params.trigger = f.trigger));
      if (f.from !== undefined) (where.push('queued_at >= @from'), (params.from = toIsoUtc(f.from, 'from')));
      if (f.to !== undefined) (where.push('queued_at <= @to'), (params.to = toIsoUtc(f.to, 'to')));
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = cached(`SELECT COUNT(*) AS n FROM sync_runs ${clause}`).pluck().get(params) as number;
      const rows = cached(`SELECT ${COLUMNS} FROM sync_runs ${clause} ORDER BY queued_at DESC, rowid DESC LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit: f.limit, offset: f.offset }) as RunRow[];
      return { items: rows.map(toRun), total, offset: f.offset, limit: f.limit };
    },

    recentForUser(userId, limit) {
      return (recent.all(userId, boundedLimit(limit, 500, 'limit')) as RunRow[]).map(toRun);
    },
  };
}

/**
 * Marks runs left queued or running by a store that is gone (its process died or it was closed
 * mid-run) as interrupted. Runs owned by a live store keep going.
 */
export function interruptOrphanedRuns(db: Database, at: string, isAlive: (owner: string) => boolean): number {
  const owners = db
    .prepare(`SELECT DISTINCT owner FROM sync_runs WHERE status IN ('queued', 'running')`)
    .pluck()
    .all() as string[];
  const mark = db.prepare(
    `UPDATE sync_runs SET status = 'interrupted', finished_at = ?, error = ?
     WHERE owner = ? AND status IN ('queued', 'running')`,
  );
  let changed = 0;
  for (const owner of owners) {
    if (isAlive(owner)) continue;
    changed += mark.run(at, INTERRUPTED_ERROR, owner).changes;
  }
  return changed;
}

export const INTERRUPTED_ERROR = 'interrupted: the console or CLI stopped before the run finished';
