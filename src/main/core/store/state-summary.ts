/**
 * Counts of users by overall badge, from the per-user state table in one query, so the Overview
 * does not page through every user. Agrees with deriveTypeState/deriveOverall (sync-state.ts) when no
 * live Weaviate counts are given, which is all the store knows.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { StateSummary, StateSummaryOptions } from './store-types';

/*
 * - Fully Synced: a row for each of the three types (the primary key is (user_id, data_type) and a
 *   CHECK allows only the three types, so count(*) = 3 means all three), each last run 'succeeded'
 *   and its last success no older than the interval. Times are Date.toISOString() text (time.ts), so
 *   comparing the text compares the instants.
 * - usable: any type whose last run did not fail. Such a type derives to synced, stale or drift,
 *   never to never/failed, so its user is not "Not Synced".
 * A succeeded row always has last_success_at (the upsert sets it); coalesce guards the NULL anyway,
 * as deriveTypeState calls a type without a success time stale.
 */
const SUMMARY_SQL = `
  SELECT count(*) AS tracked,
         coalesce(sum(fully), 0) AS fully_synced,
         coalesce(sum(usable), 0) AS usable
  FROM (
    SELECT count(*) = 3
             AND sum(last_status = 'succeeded' AND coalesce(last_success_at >= @freshFrom, 0)) = 3 AS fully,
           max(last_status <> 'failed') AS usable
    FROM user_type_state
    GROUP BY user_id
  )`;

export function createStateSummary(db: Database): (opts: StateSummaryOptions) => StateSummary {
  const query = db.prepare(SUMMARY_SQL);
  return ({ now, intervalHours }) => {
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
      throw new AppError('VALIDATION', `now must be a valid time (got ${String(now)})`);
    }
    if (!Number.isFinite(intervalHours) || intervalHours <= 0) {
      throw new AppError('VALIDATION', `intervalHours must be a number above 0 (got ${String(intervalHours)})`);
    }
    // deriveTypeState calls a type stale when its whole-millisecond age exceeds intervalHours * 3.6e6;
    // flooring the interval keeps a fractional interval (0.1 h is allowed) on the same side of the line.
    const freshFrom = new Date(now.getTime() - Math.floor(intervalHours * 3_600_000)).toISOString();
    const row = query.get({ freshFrom }) as { tracked: number; fully_synced: number; usable: number };
    return { tracked: row.tracked, fullySynced: row.fully_synced, usable: row.usable };
  };
}
