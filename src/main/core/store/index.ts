/**
 * The local SQLite store: sync history, run logs, failed objects, per-user state, audit, settings.
 *
 * Decisions worth knowing:
 * - Interrupted runs: on open, queued/running runs are marked interrupted only when the store that
 *   created them is gone (closed in this process, or its process is dead), so a CLI opened beside a
 *   running console never interrupts the console's live jobs.
 * - Overall badge (sync-state.ts): only `synced` counts for Fully Synced; Not Synced means every type
 *   is never or failed; stale and drift types hold data, so they make a user Partially Synced.
 * - audit.iterate reads in keyset chunks rather than holding one better-sqlite3 iterator open: an
 *   iterator keeps the connection busy, and an export awaiting file writes would block every other
 *   store call (jobs writing logs, the export's own audit entry) for its whole duration.
 */
export { openStore } from './open-store';
export { deriveOverall, deriveTypeState, type DeriveOptions } from './sync-state';
export { INTERRUPTED_ERROR } from './runs-repo';
export { LATEST_SCHEMA_VERSION } from './migrations';
export { MASK, isSecretKey } from './scrub-params';
export type {
  AuditFilter,
  AuditRepo,
  FailuresRepo,
  LogsRepo,
  NewAuditEntry,
  NewLogLine,
  NewRun,
  OpenStoreOptions,
  RecordedRunStatus,
  RunResult,
  RunsRepo,
  SettingsRepo,
  StateRepo,
  StateSummary,
  StateSummaryOptions,
  Store,
  TerminalRunStatus,
  UserStates,
  UserTypeState,
} from './store-types';
