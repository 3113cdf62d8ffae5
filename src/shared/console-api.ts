/**
 * The console's operations as one typed service (implemented by src/main/core/api.ts).
 * IPC handlers and CLI commands are thin calls into it. Types only: safe to import anywhere.
 */
import type {
  AuditEntry,
  ComponentHealth,
  SettingsView,
  HealthReport,
  JobInfo,
  JobProgress,
  LogLevel,
  Page,
  RunDetail,
  SchemaInitReport,
  SchemaStatus,
  StartSyncResult,
  SyncRun,
  SyncSummary,
  UserDetail,
  UserRow,
} from './domain';
import type {
  ListAuditInput,
  ListHistoryInput,
  ListUsersInput,
  SaveSettingsInput,
  StartSyncInput,
  TestConnectionInput,
} from './api-inputs';

/** Who asked: the operator's OS user name in the console, or --actor on the CLI. */
export interface Actor {
  actor: string;
}

export interface ConsoleApi {
  health(): Promise<HealthReport>;
  schemaStatus(): Promise<SchemaStatus>;
  schemaInit(who: Actor): Promise<SchemaInitReport>;
  listUsers(input: ListUsersInput): Promise<Page<UserRow>>;
  /** Throws NotFoundError ("user X not found") for an unknown user. */
  userDetail(userId: string): Promise<UserDetail>;
  /** How many users are Fully, Partially and Not Synced (recorded state, no Weaviate round trip). */
  syncSummary(): Promise<SyncSummary>;
  /** Queues one job per user; busy or unknown users are refused (listed), never silently dropped. */
  startSync(input: StartSyncInput, who: Actor): Promise<StartSyncResult>;
  /** Resolves true when the job was found and asked to stop. */
  cancelSync(runId: string, who: Actor): Promise<boolean>;
  listJobs(): JobInfo[];
  listHistory(input: ListHistoryInput): Promise<Page<SyncRun>>;
  runDetail(runId: string, logLimit?: number): Promise<RunDetail>;
  listAudit(input: ListAuditInput): Promise<Page<AuditEntry>>;
  /** Streams the filtered audit log as CSV into the file; resolves the number of rows written. */
  exportAudit(input: Omit<ListAuditInput, 'offset' | 'limit'>, filePath: string, who: Actor): Promise<number>;
  /** Effective settings; secrets only as set / not set. */
  getSettings(): Promise<SettingsView>;
  /** Validates, stores (secrets encrypted), reconnects with the new values; audited. */
  saveSettings(input: SaveSettingsInput, who: Actor): Promise<SettingsView>;
  /** Checks a connection with candidate values (unsaved ones override the effective settings). */
  testConnection(input: TestConnectionInput): Promise<ComponentHealth>;
  /** Events for the UI and the CLI's progress output. Returns an unsubscribe function. */
  on<E extends keyof ConsoleEvents>(event: E, listener: (payload: ConsoleEvents[E]) => void): () => void;
  close(): Promise<void>;
}

export interface ConsoleEvents {
  'job:progress': JobProgress;
  'job:log': { runId: string; userId: string; time: string; level: LogLevel; message: string };
  'job:finished': { run: SyncRun };
  'health:changed': HealthReport;
}
