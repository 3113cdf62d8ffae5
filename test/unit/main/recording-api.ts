/**
 * An in-test ConsoleApi (our own interface, not a database or Weaviate stand-in) that records every
 * call and returns fixed answers, so wrapper and handler tests are about the IPC layer only.
 */
import type { ConsoleApi, ConsoleEvents } from '../../../src/shared/console-api';
import type { ComponentHealth, HealthReport, SettingsView } from '../../../src/shared/domain';

export interface RecordedCall {
  method: string;
  args: unknown[];
}

export function health(ok = true, error: string | null = null): HealthReport {
  const part = (component: ComponentHealth['component']): ComponentHealth => ({
    component,
    ok,
    target: 'localhost:1',
    version: '1',
    latencyMs: 1,
    error,
    hint: null,
    checkedAt: '2026-01-01T00:00:00Z',
  });
  return { postgres: part('postgres'), weaviate: part('weaviate'), store: part('store') };
}

export function settingsView(overrides: Partial<SettingsView['connection']> = {}): SettingsView {
  return {
    connection: {
      databaseUrl: 'postgres://app:***@db:5432/finance',
      weaviateUrl: 'http://weaviate:8080',
      weaviateGrpcPort: 50051,
      databasePasswordSet: true,
      weaviateApiKeySet: true,
      ...overrides,
    },
    sync: { batchSize: 100, transactionLimit: 500, autoEnabled: true, intervalHours: 24 },
    sources: { databaseUrl: 'saved' },
    secretStorageAvailable: true,
  };
}

export type RecordingApi = ConsoleApi & {
  calls: RecordedCall[];
  emit<E extends keyof ConsoleEvents>(event: E, payload: ConsoleEvents[E]): void;
  /** Make the next call of `method` throw this. */
  failNext(method: string, err: unknown): void;
  /** Replace the answer of `method`. */
  answer(method: string, value: unknown): void;
};

export function createRecordingApi(): RecordingApi {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, unknown>();
  const answers = new Map<string, unknown>([
    ['health', health()],
    ['schemaStatus', { collections: [], inSync: true }],
    ['schemaInit', { collections: [] }],
    ['listUsers', { items: [], total: 0, offset: 0, limit: 50 }],
    ['userDetail', { user: { id: 'u1' } }],
    ['syncSummary', { users: 3, fullySynced: 1, partiallySynced: 1, notSynced: 1 }],
    ['startSync', { started: [], refused: [] }],
    ['cancelSync', true],
    ['listJobs', []],
    ['listHistory', { items: [], total: 0, offset: 0, limit: 50 }],
    ['runDetail', { run: {}, log: [], logTruncated: false, failures: [] }],
    ['listAudit', { items: [], total: 0, offset: 0, limit: 50 }],
    ['exportAudit', 7],
    ['getSettings', settingsView()],
    ['saveSettings', settingsView()],
    ['testConnection', health().postgres],
  ]);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const record = (method: string) => (...args: unknown[]) => {
    calls.push({ method, args });
    if (failures.has(method)) {
      const err = failures.get(method);
      failures.delete(method);
      return method === 'listJobs' ? (() => { throw err; })() : Promise.reject(err);
    }
    const value = answers.get(method);
    return method === 'listJobs' ? value : Promise.resolve(value);
  };

  const api = {
    calls,
    health: record('health'),
    schemaStatus: record('schemaStatus'),
    schemaInit: record('schemaInit'),
    listUsers: record('listUsers'),
    userDetail: record('userDetail'),
    syncSummary: record('syncSummary'),
    startSync: record('startSync'),
    cancelSync: record('cancelSync'),
    listJobs: record('listJobs'),
    listHistory: record('listHistory'),
    runDetail: record('runDetail'),
    listAudit: record('listAudit'),
    exportAudit: record('exportAudit'),
    getSettings: record('getSettings'),
    saveSettings: record('saveSettings'),
    testConnection: record('testConnection'),
    on(event: string, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    close: async () => {
      calls.push({ method: 'close', args: [] });
    },
    emit(event: string, payload: unknown) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    failNext(method: string, err: unknown) {
      failures.set(method, err);
    },
    answer(method: string, value: unknown) {
      answers.set(method, value);
    },
  };
  return api as unknown as RecordingApi;
}
