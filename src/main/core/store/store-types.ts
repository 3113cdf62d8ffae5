import type {
  AuditEntry,
  AuditOutcome,
  ComponentHealth,
  DataType,
  FailedObject,
  LogLevel,
  Page,
  RunLogLine,
  RunStatus,
  RunTrigger,
  SyncRun,
  SyncType,
  TypeCounts,
} from '../../../shared/domain';
import type { ListAuditInput, ListHistoryInput } from '../../../shared/api-inputs';

export type TerminalRunStatus = Exclude<RunStatus, 'queued' | 'running'>;

export interface NewRun {
  id: string;
  userId: string;
  type: SyncType;
  trigger: RunTrigger;
  actor: string;
  transactionLimit: number;
}

export interface RunsRepo {
  /** Inserts the run as `queued`, queued now. */
  create(r: NewRun): SyncRun;
  /** queued -> running (started now). Already running: no change. A finished run cannot start again. */
  markRunning(id: string): void;
  /** Replaces the counters of the data types given; the others keep theirs. */
  updateCounts(id: string, counts: Partial<Record<DataType, TypeCounts>>): void;
  /** Ends a queued or running run (finished now); counts merge like updateCounts. */
  finish(
    id: string,
    r: { status: TerminalRunStatus; error: string | null; counts?: Partial<Record<DataType, TypeCounts>> },
  ): SyncRun;
  get(id: string): SyncRun | null;
  /** Newest first; filters on user, type, status, trigger and queued time (from/to inclusive). */
  list(filter: ListHistoryInput): Page<SyncRun>;
  recentForUser(userId: string, limit: number): SyncRun[];
}

export interface NewLogLine {
  runId: string;
  level: LogLevel;
  message: string;
  time?: string;
}

export interface LogsRepo {
  append(runId: string, level: LogLevel, message: string, time?: string): RunLogLine;
  /** All lines in one transaction; seq numbers continue per run in the order given. */
  appendMany(lines: NewLogLine[]): RunLogLine[];
  /** Lines in seq order after `afterSeq`; truncated when more lines follow the page. */
  list(runId: string, opts: { limit: number; afterSeq?: number }): { lines: RunLogLine[]; truncated: boolean };
}

export interface FailuresRepo {
  addMany(runId: string, items: Omit<FailedObject, 'runId'>[]): number;
  list(runId: string, limit: number): FailedObject[];
  count(runId: string): number;
}

export type RecordedRunStatus = 'succeeded' | 'partial' | 'failed';

/** What the store remembers of one user's one data type (DESIGN §3 status is derived from it). */
export interface UserTypeState {
  userId: string;
  dataType: DataType;
  /** The last run of this type that succeeded; partial and failed runs leave it unchanged. */
  lastSuccessAt: string | null;
  lastRunAt: string;
  lastStatus: RecordedRunStatus;
  lastError: string | null;
  lastRunId: string;
  /** Objects the last run wrote, and the objects it should have written. */
  writtenCount: number;
  expectedCount: number;
}

export interface RunResult {
  runId: string;
  status: RecordedRunStatus;
  at: string;
  writtenCount: number;
  expectedCount: number;
  error: string | null;
}

export type UserStates = Record<DataType, UserTypeState | null>;

export interface StateRepo {
  recordResult(userId: string, dataType: DataType, r: RunResult): void;
  get(userId: string): UserStates;
  /** One query for a page of users; every id asked for is in the map. */
  getMany(userIds: string[]): Map<string, UserStates>;
  /** Users by overall badge, in one query over every tracked user (state-summary.ts). */
  summary(opts: StateSummaryOptions): StateSummary;
}

export interface StateSummaryOptions {
  now: Date;
  intervalHours: number;
}

export interface StateSummary {
  /** Users with any state row. */
  tracked: number;
  fullySynced: number;
  /** Users with at least one type whose last run did not fail, i.e. not "Not Synced". */
  usable: number;
}

export interface NewAuditEntry {
  actor: string;
  action: string;
  userId?: string | null;
  params?: Record<string, unknown>;
  outcome: AuditOutcome;
  error?: string | null;
  time?: string;
}

export type AuditFilter = Omit<ListAuditInput, 'offset' | 'limit'>;

export interface AuditRepo {
  /** Values of keys named like a secret are stored as "***", and passwords in URLs are masked. */
  record(e: NewAuditEntry): AuditEntry;
  /** Newest first. */
  list(filter: ListAuditInput): Page<AuditEntry>;
  /**
   * Every matching entry, newest first, read in chunks so memory stays flat and the connection is
   * free between chunks (an export can await a file write without blocking other store calls).
   */
  iterate(filter: AuditFilter): IterableIterator<AuditEntry>;
}

export interface SettingsRepo {
  get(key: string): string | null;
  getAll(): Record<string, string>;
  /** null deletes the key. */
  set(key: string, value: string | null): void;
  /** Encrypted bytes as the caller stored them; the store never sees plaintext secrets. */
  getSecret(key: string): Buffer | null;
  setSecret(key: string, value: Buffer | null): void;
}

export interface Store {
  readonly path: string;
  /** Runs found queued or running from a process that is gone, marked interrupted by this open. */
  readonly interruptedOnOpen: number;
  readonly schemaVersion: number;
  readonly runs: RunsRepo;
  readonly logs: LogsRepo;
  readonly failures: FailuresRepo;
  readonly state: StateRepo;
  readonly audit: AuditRepo;
  readonly settings: SettingsRepo;
  health(): ComponentHealth;
  /** Idempotent. */
  close(): void;
}

export interface OpenStoreOptions {
  /** Path of a better-sqlite3 .node build (the Electron app loads an Electron-ABI build this way). */
  nativeBinding?: string;
  /** Clock for every time the store stamps; tests pin it. */
  now?: () => Date;
  /** How long to wait for another process's write lock before failing (default 5000 ms). */
  busyTimeoutMs?: number;
}
