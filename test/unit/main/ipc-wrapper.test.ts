import { beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../../src/shared/ipc-contract';
import { AppError } from '../../../src/shared/errors';
import { createHandlers } from '../../../src/main/ipc/handlers';
import { invokeChannel } from '../../../src/main/ipc/wrapper';
import { createRecordingApi, settingsView, type RecordingApi } from './recording-api';

const RUN_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const trusted = { isTrusted: true };

/**
 * One malformed payload per channel, and the field the error must name. Channels without input
 * get an object they must refuse.
 */
const BAD_INPUT: Record<Channel, { input: unknown; mentions: string }> = {
  'health:get': { input: { force: true }, mentions: 'takes no input' },
  'schema:status': { input: 'x', mentions: 'takes no input' },
  'schema:init': { input: { collections: ['Transaction'] }, mentions: 'takes no input' },
  'users:list': { input: { limit: 0 }, mentions: 'limit: expected a whole number from 1 to 500' },
  'users:summary': { input: { fresh: true }, mentions: 'takes no input' },
  'users:detail': { input: { userId: '' }, mentions: 'userId' },
  'sync:start': { input: { users: ['u1'], type: 'everything' }, mentions: 'type: expected one of' },
  'sync:cancel': { input: { runId: 'not-a-uuid' }, mentions: 'runId: a run id is a UUID' },
  'sync:jobs': { input: [], mentions: 'takes no input' },
  'history:list': { input: { status: 'exploded' }, mentions: 'status: expected one of' },
  'history:run': { input: { runId: RUN_ID, logLimit: 1.5 }, mentions: 'logLimit: expected a whole number' },
  'audit:list': { input: { from: 'yesterday' }, mentions: 'from: expected an ISO 8601 time' },
  'audit:export': { input: { offset: 10 }, mentions: 'unknown field "offset"' },
  'settings:get': { input: 1, mentions: 'takes no input' },
  'settings:save': { input: { databaseUrl: 'mysql://db/x' }, mentions: 'databaseUrl: the PostgreSQL URL must be' },
  'settings:test': { input: { component: 'redis' }, mentions: 'component: expected one of "postgres", "weaviate"' },
  'app:open-external': { input: { url: 'file:///etc/passwd' }, mentions: 'url: only http(s) links can be opened' },
};

/** A valid payload per channel and the core method it must reach. */
const GOOD_INPUT: Record<Channel, { input: unknown; method: string }> = {
  'health:get': { input: undefined, method: 'health' },
  'schema:status': { input: undefined, method: 'schemaStatus' },
  'schema:init': { input: undefined, method: 'schemaInit' },
  'users:list': { input: { search: 'ann' }, method: 'listUsers' },
  'users:summary': { input: undefined, method: 'syncSummary' },
  'users:detail': { input: { userId: 'u1' }, method: 'userDetail' },
  'sync:start': { input: { users: ['u1'], type: 'all' }, method: 'startSync' },
  'sync:cancel': { input: { runId: RUN_ID }, method: 'cancelSync' },
  'sync:jobs': { input: undefined, method: 'listJobs' },
  'history:list': { input: {}, method: 'listHistory' },
  'history:run': { input: { runId: RUN_ID }, method: 'runDetail' },
  'audit:list': { input: {}, method: 'listAudit' },
  'audit:export': { input: { outcome: 'error' }, method: 'exportAudit' },
  'settings:get': { input: undefined, method: 'getSettings' },
  'settings:save': { input: { batchSize: 200 }, method: 'saveSettings' },
  'settings:test': { input: { component: 'postgres' }, method: 'testConnection' },
  'app:open-external': { input: { url: 'https://weaviate.io/developers' }, method: 'openExternal' },
};

const channels = Object.keys(CHANNELS) as Channel[];

describe('IPC handler table and wrapper', () => {
  let api: RecordingApi;
  let opened: string[];
  let exportPath: string | null;
  let handlers: ReturnType<typeof createHandlers>;

  beforeEach(() => {
    api = createRecordingApi();
    opened = [];
    exportPath = '/tmp/audit.csv';
    handlers = createHandlers(api, {
      actor: 'alice',
      chooseExportPath: async () => exportPath,
      openExternal: async (url) => {
        opened.push(url);
      },
    });
  });

  it('has exactly one handler per contract channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort());
    for (const channel of channels) expect(typeof handlers[channel]).toBe('function');
    // The test tables below cover every channel too.
    expect(Object.keys(BAD_INPUT).sort()).toEqual([...channels].sort());
  });

  describe.each(channels)('%s', (channel) => {
    it('refuses a malformed payload with VALIDATION naming the field, without calling the core', async () => {
      const result = await invokeChannel(handlers, channel, BAD_INPUT[channel].input, trusted);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).toContain(BAD_INPUT[channel].mentions);
      expect(api.calls).toEqual([]);
      expect(opened).toEqual([]);
    });

    it('refuses a sender that is not our window, without calling the core', async () => {
      const result = await invokeChannel(handlers, channel, GOOD_INPUT[channel].input, { isTrusted: false });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(api.calls).toEqual([]);
      expect(opened).toEqual([]);
    });

    it('passes a valid payload to one core call and wraps the answer', async () => {
      const result = await invokeChannel(handlers, channel, GOOD_INPUT[channel].input, trusted);
      expect(result.ok).toBe(true);
      const method = GOOD_INPUT[channel].method;
      if (method === 'openExternal') {
        expect(opened).toEqual(['https://weaviate.io/developers']);
        expect(api.calls).toEqual([]);
      } else {
        expect(api.calls.map((c) => c.method)).toEqual([method]);
      }
    });
  });

  it('hands the core the parsed input (defaults applied) and the operator as actor', async () => {
    await invokeChannel(handlers, 'users:list', { search: '  ann ' }, trusted);
    expect(api.calls[0].args[0]).toEqual({ search: 'ann', sort: 'id', direction: 'asc', offset: 0, limit: 50 });
    await invokeChannel(handlers, 'sync:start', { users: ['u1'], type: 'profile' }, trusted);
    expect(api.calls[1].args).toEqual([{ users: ['u1'], type: 'profile', trigger: 'manual' }, { actor: 'alice' }]);
    await invokeChannel(handlers, 'sync:cancel', { runId: RUN_ID }, trusted);
    expect(api.calls[2].args).toEqual([RUN_ID, { actor: 'alice' }]);
  });

  it('rejects an unknown channel', async () => {
    const result = await invokeChannel(handlers, 'fs:read', { path: '/etc/passwd' }, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(result.ok ? '' : result.error.message).toContain('unknown channel "fs:read"');
  });

  it('reports several problems in one message', async () => {
    const result = await invokeChannel(handlers, 'users:list', { limit: 501, sort: 'age', extra: 1 }, trusted);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('limit: expected a whole number from 1 to 500');
    expect(result.error.message).toContain('sort: expected one of "id"');
    expect(result.error.message).toContain('unknown field "extra"');
  });

  it("passes an AppError's code and message through", async () => {
    api.failNext('userDetail', new AppError('NOT_FOUND', 'user u9 not found'));
    const result = await invokeChannel(handlers, 'users:detail', { userId: 'u9' }, trusted);
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'user u9 not found' } });
  });

  it('turns other errors into INTERNAL with connection strings and keys redacted', async () => {
    api.failNext(
      'health',
      new Error('connect failed: postgres://app:Sup3rSecret@db:5432/finance (api_key=wcd-key-123, Bearer abc.def.ghi)'),
    );
    const result = await invokeChannel(handlers, 'health:get', undefined, trusted);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).toContain('db:5432');
    for (const secret of ['Sup3rSecret', 'wcd-key-123', 'abc.def.ghi']) expect(result.error.message).not.toContain(secret);
  });

  it('redacts AppError messages too', async () => {
    api.failNext('testConnection', new AppError('POSTGRES_UNAVAILABLE', 'cannot reach postgresql://u:hunter2@10.0.0.5:5432/x'));
    const result = await invokeChannel(handlers, 'settings:test', { component: 'postgres' }, trusted);
    expect(result.ok ? '' : result.error.message).not.toContain('hunter2');
    expect(result.ok ? '' : result.error.code).toBe('POSTGRES_UNAVAILABLE');
  });

  it('settings reach the renderer as set / not set only, even if the core view carried a secret', async () => {
    const leaky = settingsView({ databaseUrl: 'postgres://app:Sup3rSecret@db:5432/finance' });
    (leaky.connection as unknown as Record<string, unknown>).weaviateApiKey = 'wcd-key-123';
    (leaky as unknown as Record<string, unknown>).rawSecrets = { weaviateApiKey: 'wcd-key-123' };
    api.answer('getSettings', leaky);
    api.answer('saveSettings', leaky);
    for (const [channel, input] of [
      ['settings:get', undefined],
      ['settings:save', { weaviateApiKey: 'wcd-key-123' }],
    ] as const) {
      const result = await invokeChannel(handlers, channel, input, trusted);
      expect(result.ok).toBe(true);
      const text = JSON.stringify(result);
      expect(text).not.toContain('Sup3rSecret');
      expect(text).not.toContain('wcd-key-123');
      if (!result.ok) return;
      expect(result.data.connection.weaviateApiKeySet).toBe(true);
      expect(result.data.connection.databasePasswordSet).toBe(true);
      expect(result.data.connection.databaseUrl).toBe('postgres://app:***@db:5432/finance');
    }
  });

  it('audit export asks main for a path and reports a cancelled dialog without exporting', async () => {
    const done = await invokeChannel(handlers, 'audit:export', { actor: 'alice' }, trusted);
    expect(done).toEqual({ ok: true, data: { filePath: '/tmp/audit.csv', rows: 7 } });
    expect(api.calls[0]).toEqual({ method: 'exportAudit', args: [{ actor: 'alice' }, '/tmp/audit.csv', { actor: 'alice' }] });
    exportPath = null;
    const cancelled = await invokeChannel(handlers, 'audit:export', {}, trusted);
    expect(cancelled).toEqual({ ok: true, data: { filePath: null, rows: 0 } });
    expect(api.calls).toHaveLength(1);
  });
});
