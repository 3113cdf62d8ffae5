/**
 * The console's operations as one typed service (src/shared/console-api.ts). The Electron IPC
 * handlers and the CLI are thin callers of it. Every operation that changes something is audited,
 * failures included.
 */
import { EventEmitter } from 'node:events';
import type { ConsoleApi, ConsoleEvents, Actor } from '../../shared/console-api';
import {
  listAuditInput,
  listHistoryInput,
  runDetailInput,
  saveSettingsInput,
  startSyncInput,
  testConnectionInput,
} from '../../shared/api-inputs';
import type { ComponentHealth, HealthReport, StartSyncResult, SyncRun } from '../../shared/domain';
import { AppError, toErrorInfo } from '../../shared/errors';
import { exportAuditCsv } from './audit-export';
import { loadConfig, type AppConfig } from './config';
import { Connections } from './connections';
import { redactUrl } from './redact';
import { SettingsService, type SecretCipher } from './settings';
import { checkPostgres, createSourcePool, listAllUserIds } from './source';
import { existingUserIds } from './source/existing-users';
import { openStore, type Store } from './store';
import { JobQueue } from './sync/job-queue';
import { runSync } from './sync/run-sync';
import { Scheduler } from './sync/scheduler';
import { checkWeaviate } from './target/health';
import { initSchema, readSchemaStatus } from './target/schema';
import { listUserRows, userDetail } from './users';

export type { SecretCipher } from './settings';

const SCHEDULE_KEY = 'scheduler.lastRoundAt';

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
  const events = new EventEmitter();
  events.setMaxListeners(50);
  const emit = <E extends keyof ConsoleEvents>(event: E, payload: ConsoleEvents[E]) => events.emit(event, payload);

  const audit = (who: Actor, action: string, userId: string | null, params: Record<string, unknown>, error?: unknown) =>
    store.audit.record({
      actor: who.actor,
      action,
      userId,
      params,
      outcome: error ? 'error' : 'ok',
      error: error ? toErrorInfo(error).message : null,
    });

  /** Runs fn, audits its outcome either way, rethrows failures. */
  async function audited<T>(who: Actor, action: string, userId: string | null, params: Record<string, unknown>, fn: () => Promise<T>, result?: (v: T) => Record<string, unknown>): Promise<T> {
    try {
      const v = await fn();
      audit(who, action, userId, { ...params, ...(result ? result(v) : {}) });
      return v;
    } catch (err) {
      audit(who, action, userId, params, err);
      throw err;
    }
  }

  const jobs = new JobQueue(
    store,
    async (job, onProgress) => {
      return runSync(job, {
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
      });
    },
    concurrency,
    (run) => {
      audit({ actor: run.actor }, 'sync.finished', run.userId, {
        runId: run.id,
        type: run.type,
        status: run.status,
        counts: run.counts,
      }, run.status === 'succeeded' ? undefined : new Error(run.error ?? run.status));
      emit('job:finished', { run });
    },
  );

  let lastHealth: string | null = null;

  async function health(): Promise<HealthReport> {
    const cfg = conn.settings;
    const [postgres, weaviate] = await Promise.all([
      postgresHealth(cfg.databaseUrl, () => conn.pool()),
      checkWeaviate(conn.weaviateSettings()),
    ]);
    const report: HealthReport = { postgres, weaviate, store: store.health() };
    const key = JSON.stringify([postgres.ok, postgres.error, weaviate.ok, weaviate.error, report.store.ok]);
    if (key !== lastHealth) {
      lastHealth = key;
      emit('health:changed', report);
    }
    return report;
  }

  async function resolveUsers(users: string[] | 'all'): Promise<{ ids: string[]; unknown: string[] }> {
    if (users === 'all') {
      const ids: string[] = [];
      await conn.source(async (pool) => {
        for await (const page of listAllUserIds(pool)) ids.push(...page);
      });
      return { ids, unknown: [] };
    }
    const unique = [...new Set(users)];
    const found = await conn.source((pool) => existingUserIds(pool, unique));
    return { ids: unique.filter((id) => found.has(id)), unknown: unique.filter((id) => !found.has(id)) };
  }

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

  const service: ConsoleService = {
    storePath: store.path,
    interruptedOnOpen: store.interruptedOnOpen,

    health,

    schemaStatus: async () => readSchemaStatus(await conn.weaviate(), conn.endpoint()),

    schemaInit: (who) =>
      audited(who, 'schema.init', null, {}, async () => initSchema(await conn.weaviate(), conn.endpoint()), (r) => ({
        report: r.collections.map((c) => ({ name: c.name, action: c.action, added: c.propertiesAdded, conflicts: c.conflicts.length })),
      })),

    listUsers: (input) => listUserRows(conn, store, input),

    userDetail: (userId) => userDetail(conn, store, jobs, userId),

    startSync: async (raw, who) => {
      const input = startSyncInput.parse(raw);
      const params = {
        users: input.users === 'all' ? 'all' : input.users.length > 20 ? `${input.users.length} users` : input.users,
        type: input.type,
        limit: input.limit ?? null,
        trigger: input.trigger,
      };
      const single = input.users !== 'all' && input.users.length === 1 ? input.users[0] : null;
      return audited(
        who,
        'sync.start',
        single,
        params,
        async (): Promise<StartSyncResult> => {
          const { ids, unknown } = await resolveUsers(input.users);
          const cfg = conn.settings.sync;
          const result: StartSyncResult = {
            started: [],
            refused: unknown.map((userId) => ({ userId, reason: `user ${userId} not found` })),
          };
          for (const userId of ids) {
            const r = jobs.submit({
              userId,
              type: input.type,
              trigger: input.trigger,
              actor: who.actor,
              settings: {
                batchSize: cfg.batchSize,
                transactionLimit: input.limit ?? cfg.transactionLimit,
                invertAmounts: cfg.invertAmounts,
              },
            });
            if ('runId' in r) result.started.push({ userId, runId: r.runId });
            else result.refused.push({ userId, reason: r.refused });
          }
          // Nothing started for a single named user: that request failed, and says why.
          if (single && result.started.length === 0) {
            throw new AppError(unknown.length ? 'NOT_FOUND' : 'BUSY', result.refused[0]!.reason);
          }
          return result;
        },
        (r) => ({ started: r.started.length, refused: r.refused.length }),
      );
    },

    cancelSync: async (runId, who) => {
      const job = jobs.get(runId);
      return audited(who, 'sync.cancel', job?.userId ?? null, { runId }, async () => {
        if (!jobs.cancel(runId)) throw new AppError('NOT_FOUND', `No queued or running sync has run id ${runId}; it may have finished already.`);
        return true;
      });
    },

    listJobs: () => jobs.list(),

    listHistory: async (input) => store.runs.list(listHistoryInput.parse(input)),

    runDetail: async (runId, logLimit) => {
      const q = runDetailInput.parse({ runId, logLimit });
      const run = store.runs.get(q.runId);
      if (!run) throw new AppError('NOT_FOUND', `run ${q.runId} not found`);
      const { lines, truncated } = store.logs.list(q.runId, { limit: q.logLimit });
      return { run, log: lines, logTruncated: truncated, failures: store.failures.list(q.runId, 1000) };
    },

    listAudit: async (input) => store.audit.list(listAuditInput.parse(input)),

    exportAudit: (input, filePath, who) => {
      const filter = listAuditInput.omit({ offset: true, limit: true }).parse(input);
      return audited(who, 'audit.export', null, { filter, filePath }, () => exportAuditCsv(store, filter, filePath), (rows) => ({ rows }));
    },

    getSettings: async () => settings.view(conn.settings),

    saveSettings: async (raw, who) => {
      const input = saveSettingsInput.parse(raw);
      const params: Record<string, unknown> = { ...input };
      if (typeof input.databaseUrl === 'string') params.databaseUrl = redactUrl(input.databaseUrl);
      if (typeof input.weaviateApiKey === 'string') params.weaviateApiKey = '***';
      return audited(who, 'settings.save', null, params, async () => {
        const touchesConnections = ['databaseUrl', 'weaviateUrl', 'weaviateGrpcPort', 'weaviateApiKey'].some(
          (k) => input[k as keyof typeof input] !== undefined,
        );
        const running = jobs.list().length;
        if (touchesConnections && running > 0) {
          throw new AppError('BUSY', `Connection settings cannot change while ${running} sync job(s) are queued or running; wait for them or cancel them.`);
        }
        const next = settings.save(input);
        await conn.reconfigure(next);
        void health().catch(() => undefined);
        return settings.view(next);
      });
    },

    testConnection: async (raw) => {
      const input = testConnectionInput.parse(raw);
      const cfg = conn.settings;
      if (input.component === 'postgres') {
        const url = input.databaseUrl ?? cfg.databaseUrl;
        if (!url) return postgresHealth(null, () => { throw new Error('unreachable'); });
        const pool = createSourcePool(url, { connectTimeoutMs: cfg.connectTimeoutMs, max: 1 });
        try {
          return await postgresHealth(url, () => pool);
        } finally {
          await pool.end().catch(() => undefined);
        }
      }
      const url = input.weaviateUrl ?? cfg.weaviate.url;
      return checkWeaviate(
        url
          ? {
              url,
              grpcPort: input.weaviateGrpcPort ?? cfg.weaviate.grpcPort,
              apiKey: input.weaviateApiKey ?? cfg.weaviate.apiKey,
              connectTimeoutMs: cfg.connectTimeoutMs,
            }
          : null,
      );
    },

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
  return service;
}

async function postgresHealth(databaseUrl: string | null, pool: () => import('pg').Pool): Promise<ComponentHealth> {
  if (!databaseUrl) {
    return {
      component: 'postgres',
      ok: false,
      target: 'not configured',
      version: null,
      latencyMs: null,
      error: 'No PostgreSQL database is configured.',
      hint: 'Set DATABASE_URL or enter the PostgreSQL URL in Settings.',
      checkedAt: new Date().toISOString(),
    };
  }
  return checkPostgres(pool(), databaseUrl);
}
