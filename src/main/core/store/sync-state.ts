/**
 * Status of a user's data in Weaviate (DESIGN §3), derived from what the store recorded plus,
 * when the caller could ask Weaviate, live counts. Pure functions: no store, no clock.
 */
import type { OverallStatus, TypeState } from '../../../shared/domain';
import type { UserTypeState } from './store-types';

export interface DeriveOptions {
  now: Date;
  intervalHours: number;
  /** Objects Weaviate holds for this user and type; null or absent when it was not asked. */
  weaviateCount?: number | null;
  /** What Weaviate should hold (PostgreSQL's count, transactions capped at the limit in force). */
  expectedCount?: number | null;
}

/**
 * In order:
 * - nothing recorded -> never
 * - the last run failed -> failed
 * - live counts given and different -> drift
 * - no live counts and the last run was partial -> drift (it left objects out of Weaviate by definition)
 * - older than the interval -> stale. Age is measured from the last success; when the last run was
 *   partial but live counts now match, from that run (every object it was meant to write is there).
 * - otherwise synced.
 */
export function deriveTypeState(s: UserTypeState | null, opts: DeriveOptions): TypeState {
  if (!s) return 'never';
  if (s.lastStatus === 'failed') return 'failed';

  const live = opts.weaviateCount != null && opts.expectedCount != null;
  if (live && opts.weaviateCount !== opts.expectedCount) return 'drift';
  if (!live && s.lastStatus === 'partial') return 'drift';

  const freshAt = s.lastStatus === 'succeeded' ? s.lastSuccessAt : s.lastRunAt;
  if (!freshAt) return 'stale';
  const ageMs = opts.now.getTime() - new Date(freshAt).getTime();
  if (ageMs > opts.intervalHours * 3_600_000) return 'stale';
  return 'synced';
}

/**
 * Overall badge. Only `synced` counts as synced for "Fully Synced": the badge promises the
 * assistant sees current, complete data. "Not Synced" means nothing usable is there: every type is
 * never synced or failed. Stale and drift types have data in Weaviate (old or incomplete), so a user
 * with any of them, and no type that is fully synced, is "Partially Synced" rather than "Not Synced".
 */
export function deriveOverall(states: TypeState[]): OverallStatus {
  if (states.length && states.every((s) => s === 'synced')) return 'Fully Synced';
  if (states.every((s) => s === 'never' || s === 'failed')) return 'Not Synced';
  return 'Partially Synced';
}
