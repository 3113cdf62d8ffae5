/**
 * The console's operations as one typed service (src/shared/console-api.ts). The Electron IPC
 * handlers and the CLI are thin callers of it. Every operation that changes something is audited,
 * failures included.
 */
import { EventEmitter } from 'node:events';
import type { ConsoleApi, ConsoleEvents } from '../../shared/console-api';
import {
  listAuditInput,
  listHistoryInput,
  runDetailInput,
  saveSettingsInput,
  startSyncInput,
  testConnectionInput,
} from '../../shared/api-inputs';
import type { SyncRun } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { exportAuditCsv } from './audit-export';
import { Auditor } from './auditor';
import { loadConfig, type AppConfig } from './config';
import { Connections } from './connections';
import { HealthChecks } from './health-checks';
import { parseInput } from './parse-input';
import { redactUrl } from './redact';
import { SettingsService, type SecretCipher } from './settings';
import { openStore, type Store } from './store';
import { JobQueue } from './sync/job-queue';
import { runSync } from './sync/run-sync';
import { Scheduler } from './sync/scheduler';
import { auditParams, queueSyncs, singleUserOf } from './sync/sync-request';
import { initSchema, readSchemaStatus } from './target/schema';
import { listUserRows, syncSummary, userDetail } from './users';

export type { SecretCipher } from './settings';

const SCHEDULE_KEY = 'scheduler.lastRoundAt';
const CONNECTION_FIELDS = ['databaseUrl', 'weaviateUrl', 'weaviateGrpcPort', 'weaviateApiKey'] as const;

export interface CreateConsoleApiOptions {
  env: NodeJS.ProcessEnv;
  /** Present in the Electron app (safeStorage); absent in the CLI. */
  cipher?: SecretCipher;
  /** Path of an Electron-ABI better_sqlite3.node for the Electron app. */
  nativeBinding?: string;
  /** Folder for the SQLite store when ELYSIA_SYNC_DB is not set (Electron: userData). */
  storeDir?: string;
  /** Apply settings saved in the console (default: true when a cipher is given). The CLI uses the environment only. */
  useSavedSettings?: boolean;
  /** Sync jobs running at once (default 4). */
  concurrency?: number;
  /** Run scheduled syncs (SYNC_AUTO_ENABLED / SYNC_INTERVAL_HOURS). The console does; the CLI does not. */
  scheduler?: boolean;
}

/** The service plus what tests and the CLI need to wait on jobs. */
export interface ConsoleService extends ConsoleApi {
  waitForRun(runId: string): Promise<SyncRun | null>;
  readonly storePath: string;
  /** Runs marked interrupted when the store was opened (left running by a process that died). */
  readonly interruptedOnOpen: number;
}

export async function createConsoleApi(opts: CreateConsoleApiOptions): Promise<ConsoleService> {
  const defaults = { storeDir: opts.storeDir };
  const boot = loadConfig(opts.env, undefined, defaults);
  const store = openStore(boot.storePath, { nativeBinding: opts.nativeBinding });
  try {
    const settings = new SettingsService(store, opts.env, opts.cipher, opts.useSavedSettings ?? !!opts.cipher, defaults);
    return buildService(store, settings, settings.effective(), opts.concurrency ?? 4, opts.scheduler ?? false);
  } catch (err) {
    store.close();
    throw err;
  }
}

function buildService(
  store: Store,
  settings: SettingsService,
  initial: AppConfig,
  concurrency: number,
  withScheduler: boolean,
): ConsoleService {
  const conn = new Connections(initial);
  const auditor = new Auditor(store);
  const events = new EventEmitter();
  events.setMaxListeners(50);
  const emit = <E extends keyof ConsoleEvents>(event: E, payload: ConsoleEvents[E]) => events.emit(event, payload);
  const health = new HealthChecks(conn, store, (report) => emit('health:changed', report));

  const jobs = new JobQueue(
    store,
    (job, onProgress) =>
      runSync(job, {
        source: (fn) => conn.source(fn),
        sourceError: (err) => conn.sourceError(err),
        pool: () => conn.pool(),
        weaviate: () => conn.weaviate(),
        endpoint: () => conn.endpoint(),
        store,
        onProgress: (p) => {
          onProgress(p);
          emit('job:progress', p);
        },
        onLog: (line) => emit('job:log', line),
      }),
    concurrency,
    (run) => {
      const params = { runId: run.id, type: run.type, status: run.status, counts: run.counts };
      auditor.record({ actor: run.actor }, 'sync.finished', run.userId, params, run.status === 'succeeded' ? undefined : new Error(run.error ?? run.status));
      emit('job:finished', { run });
    },
  );

  const service: ConsoleService = {
    storePath: store.path,
    interruptedOnOpen: store.interruptedOnOpen,

    health: () => health.report(),

    schemaStatus: async () => readSchemaStatus(await conn.weaviate(), conn.endpoint()),

    schemaInit: (who) =>
      auditor.audited(who, 'schema.init', null, {}, async () => initSchema(await conn.weaviate(), conn.endpoint()), (r) => ({
        report: r.collections.map((c) => ({ name: c.name, action: c.action, added: c.propertiesAdded, conflicts: c.conflicts.length })),
      })),

    listUsers: (input) => listUserRows(conn, store, input),

    userDetail: (userId) => userDetail(conn, store, jobs, userId),

    syncSummary: () => syncSummary(conn, store),

    startSync: async (raw, who) => {
      const input = parseInput(startSyncInput, raw);
      return auditor.audited(
        who,
        'sync.start',
        singleUserOf(input),
        auditParams(input),
        () => queueSyncs(conn, jobs, input, who),
        (r) => ({ started: r.started.length, refused: r.refused.length }),
      );
    },

    cancelSync: async (runId, who) => {
      const job = jobs.get(runId);
      return auditor.audited(who, 'sync.cancel', job?.userId ?? null, { runId }, async () => {
        if (!jobs.cancel(runId)) throw new AppError('NOT_FOUND', `No queued or running sync has run id ${runId}; it may have finished already.`);
        return true;
      });
    },

    listJobs: () => jobs.list(),

    listHistory: async (input) => store.runs.list(parseInput(listHistoryInput, input)),

    runDetail: async (runId, logLimit) => {
      const q = parseInput(runDetailInput, { runId, logLimit });
      const run = store.runs.get(q.runId);
      if (!run) throw new AppError('NOT_FOUND', `run ${q.runId} not found`);
      const { lines, truncated } = store.logs.list(q.runId, { limit: q.logLimit });
      return { run, log: lines, logTruncated: truncated, failures: store.failures.list(q.runId, 1000) };
    },

    listAudit: async (input) => store.audit.list(parseInput(listAuditInput, input)),

    exportAudit: (input, filePath, who) => {
      const filter = parseInput(listAuditInput.omit({ offset: true, limit: true }), input);
      return auditor.audited(who, 'audit.export', null, { filter, filePath }, () => exportAuditCsv(store, filter, filePath), (rows) => ({ rows }));
    },

    getSettings: async () => settings.view(conn.settings),

    saveSettings: async (raw, who) => {
      const input = parseInput(saveSettingsInput, raw);
      const params: Record<string, unknown> = { ...input };
      if (typeof input.databaseUrl === 'string') params.databaseUrl = redactUrl(input.databaseUrl);
      if (typeof input.weaviateApiKey === 'string') params.weaviateApiKey = '***';
      return auditor.audited(who, 'settings.save', null, params, async () => {
        const running = jobs.list().length;
        if (running > 0 && CONNECTION_FIELDS.some((k) => input[k] !== undefined)) {
          throw new AppError('BUSY', `Connection settings cannot change while ${running} sync job(s) are queued or running; wait for them or cancel them.`);
        }
        const next = settings.save(input);
        await conn.reconfigure(next);
        return settings.view(next);
      });
    },

    testConnection: async (raw) => health.test(parseInput(testConnectionInput, raw)),

    on: (event, listener) => {
      events.on(event, listener as (p: unknown) => void);
      return () => events.off(event, listener as (p: unknown) => void);
    },

    waitForRun: (runId) => jobs.wait(runId),

    close: async () => {
      scheduler.stop();
      await jobs.close();
      await conn.close();
      store.close();
      events.removeAllListeners();
    },
  };

  const scheduler = new Scheduler({
    enabled: () => conn.settings.sync.autoEnabled,
    intervalHours: () => conn.settings.sync.intervalHours,
    lastRoundAt: () => store.settings.get(SCHEDULE_KEY),
    setLastRoundAt: (iso) => store.settings.set(SCHEDULE_KEY, iso),
    startRound: async () => {
      await service.startSync({ users: 'all', type: 'all', trigger: 'schedule' }, { actor: 'scheduler' });
    },
    // startSync already audited the failure; nothing else to do until the next round.
    onError: () => undefined,
  });
  if (withScheduler) scheduler.start();

  return service;
}
