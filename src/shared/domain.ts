/**
 * Domain types shared by every process (main, preload, renderer, CLI).
 * Pure types and constants only: nothing here may import node or electron modules.
 */

/** What a sync job covers. `all` = profile + accounts + transactions. */
export const SYNC_TYPES = ['all', 'transactions', 'accounts', 'profile'] as const;
export type SyncType = (typeof SYNC_TYPES)[number];

/** The three kinds of data kept in Weaviate, in the order a full sync writes them. */
export const DATA_TYPES = ['profile', 'accounts', 'transactions'] as const;
export type DataType = (typeof DATA_TYPES)[number];

/** Weaviate collection that holds each data type (names the Elysia backend queries). */
export const COLLECTION_OF: Record<DataType, string> = {
  profile: 'UserProfile',
  accounts: 'Account',
  transactions: 'Transaction',
};

export function dataTypesOf(type: SyncType): DataType[] {
  return type === 'all' ? [...DATA_TYPES] : [type];
}

/** Per user and data type (DESIGN §3). */
export const TYPE_STATES = ['never', 'synced', 'stale', 'drift', 'failed'] as const;
export type TypeState = (typeof TYPE_STATES)[number];

export const OVERALL_STATUSES = ['Fully Synced', 'Partially Synced', 'Not Synced'] as const;
export type OverallStatus = (typeof OVERALL_STATUSES)[number];

export const RUN_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'partial',
  'failed',
  'cancelled',
  'interrupted',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const TERMINAL_RUN_STATUSES: readonly RunStatus[] = [
  'succeeded',
  'partial',
  'failed',
  'cancelled',
  'interrupted',
];

/** Who or what started a run. */
export const RUN_TRIGGERS = ['manual', 'bulk', 'cli', 'schedule'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

export type LogLevel = 'info' | 'warn' | 'error';

/** Counters for one data type within one run. */
export interface TypeCounts {
  read: number;
  written: number;
  failed: number;
  warnings: number;
}

export interface SyncRun {
  id: string;
  userId: string;
  type: SyncType;
  trigger: RunTrigger;
  actor: string;
  status: RunStatus;
  /** Transaction limit in force for this run (0 = all). */
  transactionLimit: number;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  counts: Partial<Record<DataType, TypeCounts>>;
  error: string | null;
}

export interface RunLogLine {
  runId: string;
  seq: number;
  time: string;
  level: LogLevel;
  message: string;
}

/** An object that Weaviate refused during a run. */
export interface FailedObject {
  runId: string;
  dataType: DataType;
  objectId: string;
  sourceId: string;
  message: string;
}

export interface RunDetail {
  run: SyncRun;
  log: RunLogLine[];
  /** True when the log was cut at the page limit. */
  logTruncated: boolean;
  failures: FailedObject[];
}

export type AuditOutcome = 'ok' | 'error';

export interface AuditEntry {
  id: number;
  time: string;
  actor: string;
  action: string;
  userId: string | null;
  params: Record<string, unknown>;
  outcome: AuditOutcome;
  error: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/** Status of one data type of one user. */
export interface TypeStatus {
  type: DataType;
  state: TypeState;
  lastSyncedAt: string | null;
  /** Rows in PostgreSQL (for profile: 1). */
  postgresCount: number;
  /** What Weaviate should hold: postgresCount, for transactions capped at the limit in force. */
  expectedCount: number;
  /** Objects in Weaviate for this user, or null when Weaviate could not be asked. */
  weaviateCount: number | null;
  lastError: string | null;
  lastRunId: string | null;
}

export interface UserStatus {
  userId: string;
  overall: OverallStatus;
  lastSyncedAt: string | null;
  types: Record<DataType, TypeStatus>;
  /** Set when Weaviate could not be counted; states then come from the last recorded sync. */
  weaviateError: string | null;
}

/** One row of the users table (server-paged). States come from the local sync state, not live counts. */
export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  createdAt: string;
  accountCount: number;
  transactionCount: number;
  overall: OverallStatus;
  states: Record<DataType, TypeState>;
  lastSyncedAt: string | null;
}

/** Users by overall badge for the Overview; states come from the local sync state, not live counts. */
export interface SyncSummary {
  /** Users in PostgreSQL. */
  users: number;
  fullySynced: number;
  partiallySynced: number;
  /** users - fullySynced - partiallySynced, never below 0. */
  notSynced: number;
}

export interface UserDetail {
  user: Omit<UserRow, 'overall' | 'states' | 'lastSyncedAt'>;
  status: UserStatus;
  recentRuns: SyncRun[];
  activeJob: JobInfo | null;
}

export type ComponentName = 'postgres' | 'weaviate' | 'store';

export interface ComponentHealth {
  component: ComponentName;
  ok: boolean;
  /** host:port or file path, credentials removed */
  target: string;
  version: string | null;
  latencyMs: number | null;
  error: string | null;
  /** What the operator should check when not ok. */
  hint: string | null;
  checkedAt: string;
}

export interface HealthReport {
  postgres: ComponentHealth;
  weaviate: ComponentHealth;
  store: ComponentHealth;
}

export type PropertyState = 'ok' | 'missing' | 'conflict' | 'extra';

export interface PropertyStatus {
  name: string;
  expectedType: string | null;
  actualType: string | null;
  state: PropertyState;
}

export interface CollectionStatus {
  name: string;
  exists: boolean;
  properties: PropertyStatus[];
  /** Objects in the collection, or null when unknown. */
  objectCount: number | null;
}

export interface SchemaStatus {
  collections: CollectionStatus[];
  /** True when every expected collection and property exists with the right type. */
  inSync: boolean;
}

export type CollectionAction = 'created' | 'up-to-date' | 'properties-added' | 'conflicts';

export interface CollectionInitReport {
  name: string;
  action: CollectionAction;
  propertiesAdded: string[];
  conflicts: { property: string; expected: string; actual: string }[];
}

export interface SchemaInitReport {
  collections: CollectionInitReport[];
}

export type JobPhase = 'queued' | 'reading' | 'writing' | 'reconciling' | 'finished';

export interface JobProgress {
  runId: string;
  userId: string;
  type: SyncType;
  phase: JobPhase;
  /** The data type being worked on now. */
  current: DataType | null;
  counts: Partial<Record<DataType, TypeCounts>>;
  /** Expected objects per type once known (for a progress bar). */
  totals: Partial<Record<DataType, number>>;
}

export interface JobInfo {
  runId: string;
  userId: string;
  type: SyncType;
  status: Extract<RunStatus, 'queued' | 'running'>;
  trigger: RunTrigger;
  queuedAt: string;
  progress: JobProgress;
}

export interface StartSyncResult {
  started: { userId: string; runId: string }[];
  refused: { userId: string; reason: string }[];
}

/** Settings the operator can change in the console; they override the environment. */
export interface SyncSettings {
  batchSize: number;
  transactionLimit: number;
  autoEnabled: boolean;
  intervalHours: number;
}

/** Where an effective setting comes from. */
export type SettingSource = 'saved' | 'env' | 'default';

export interface ConnectionSettingsView {
  /** The PostgreSQL URL with its password replaced by "***"; null when none is configured. */
  databaseUrl: string | null;
  weaviateUrl: string | null;
  weaviateGrpcPort: number | null;
  /** Secrets never cross to the renderer: only whether they are set. */
  databasePasswordSet: boolean;
  weaviateApiKeySet: boolean;
}

export interface SettingsView {
  connection: ConnectionSettingsView;
  sync: SyncSettings;
  /** For each field of connection and sync, where its value comes from. */
  sources: Record<string, SettingSource>;
  /** False when secrets cannot be stored safely (no OS keychain); saving a secret is then refused. */
  secretStorageAvailable: boolean;
}
