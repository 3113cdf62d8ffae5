import type { Database } from 'better-sqlite3';
import { DATA_TYPES, type DataType } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { createStateSummary } from './state-summary';
import type { RecordedRunStatus, RunResult, StateRepo, UserStates, UserTypeState } from './store-types';
import { toIsoUtc } from './time';

const STATUSES: readonly RecordedRunStatus[] = ['succeeded', 'partial', 'failed'];
/** A users page is at most 500 rows; a little headroom for callers that batch differently. */
const MAX_USERS_PER_CALL = 1000;

interface StateRow {
  user_id: string;
  data_type: DataType;
  last_success_at: string | null;
  last_run_at: string;
  last_status: RecordedRunStatus;
  last_error: string | null;
  last_run_id: string;
  written_count: number;
  expected_count: number;
}

const COLUMNS =
  'user_id, data_type, last_success_at, last_run_at, last_status, last_error, last_run_id, written_count, expected_count';

function toState(r: StateRow): UserTypeState {
  return {
    userId: r.user_id,
    dataType: r.data_type,
    lastSuccessAt: r.last_success_at,
    lastRunAt: r.last_run_at,
    lastStatus: r.last_status,
    lastError: r.last_error,
    lastRunId: r.last_run_id,
    writtenCount: r.written_count,
    expectedCount: r.expected_count,
  };
}

const emptyStates = (): UserStates => ({ profile: null, accounts: null, transactions: null });

export function createStateRepo(db: Database): StateRepo {
  // last_success_at moves only on success: a partial or failed run must not make a type look fresh.
  const upsert = db.prepare(
    `INSERT INTO user_type_state (${COLUMNS})
     VALUES (@userId, @dataType, CASE WHEN @status = 'succeeded' THEN @at END, @at, @status, @error, @runId, @written, @expected)
     ON CONFLICT (user_id, data_type) DO UPDATE SET
       last_success_at = CASE WHEN excluded.last_status = 'succeeded' THEN excluded.last_run_at ELSE last_success_at END,
       last_run_at     = excluded.last_run_at,
       last_status     = excluded.last_status,
       last_error      = excluded.last_error,
       last_run_id     = excluded.last_run_id,
       written_count   = excluded.written_count,
       expected_count  = excluded.expected_count`,
  );
  const forUser = db.prepare(`SELECT ${COLUMNS} FROM user_type_state WHERE user_id = ?`);
  // json_each keeps it to one statement whatever the page size (no limit on bound variables to hit).
  const forUsers = db.prepare(
    `SELECT ${COLUMNS} FROM user_type_state WHERE user_id IN (SELECT value FROM json_each(?))`,
  );
  const summary = createStateSummary(db);

  return {
    recordResult(userId, dataType: DataType, r: RunResult) {
      if (!DATA_TYPES.includes(dataType)) {
        throw new AppError('VALIDATION', `unknown data type "${String(dataType)}" (expected ${DATA_TYPES.join(', ')})`);
      }
      if (!STATUSES.includes(r.status)) {
        throw new AppError('VALIDATION', `a recorded result is one of ${STATUSES.join(', ')} (got ${String(r.status)})`);
      }
      for (const [field, n] of [['writtenCount', r.writtenCount], ['expectedCount', r.expectedCount]] as const) {
        if (!Number.isInteger(n) || n < 0) {
          throw new AppError('VALIDATION', `${field} must be a whole number >= 0 (got ${String(n)})`);
        }
      }
      upsert.run({
        userId,
        dataType,
        status: r.status,
        at: toIsoUtc(r.at, 'result time'),
        error: r.error,
        runId: r.runId,
        written: r.writtenCount,
        expected: r.expectedCount,
      });
    },

    get(userId) {
      const states = emptyStates();
      for (const row of forUser.all(userId) as StateRow[]) states[row.data_type] = toState(row);
      return states;
    },

    getMany(userIds) {
      const unique = [...new Set(userIds)];
      if (unique.length > MAX_USERS_PER_CALL) {
        throw new AppError('VALIDATION', `ask for at most ${MAX_USERS_PER_CALL} users at a time (got ${unique.length})`);
      }
      const result = new Map<string, UserStates>(unique.map((id) => [id, emptyStates()]));
      if (!unique.length) return result;
      for (const row of forUsers.all(JSON.stringify(unique)) as StateRow[]) {
        result.get(row.user_id)![row.data_type] = toState(row);
      }
      return result;
    },

    summary,
  };
}
