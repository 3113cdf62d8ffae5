/** The local SQLite store: sync history, run logs, failed objects, per-user state, audit, settings. */
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
  Store,
  TerminalRunStatus,
  UserStates,
  UserTypeState,
} from './store-types';
