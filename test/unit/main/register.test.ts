import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../src/shared/ipc-contract';
import { createHandlers } from '../../../src/main/ipc/handlers';
import { registerIpc } from '../../../src/main/ipc/register';
import { appLocation } from '../../../src/main/window';
import { FakeBrowserWindow, FakeNotification, ipcMainHandlers } from './fake-electron';
import { createRecordingApi, type RecordingApi } from './recording-api';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const location = appLocation({}, '/opt/console/out/renderer/index.html');
const APP_URL = 'file:///opt/console/out/renderer/index.html';

describe('IPC registration', () => {
  let api: RecordingApi;
  let win: FakeBrowserWindow;
  let dispose: () => void;

  const invoke = (channel: string, input: unknown, event: Record<string, unknown>) =>
    ipcMainHandlers.get(channel)!(event, input) as Promise<{ ok: boolean; error?: { code: string } }>;
  const fromOurWindow = () => ({ sender: win.webContents, senderFrame: { url: APP_URL, parent: null } });

  beforeEach(() => {
    vi.useFakeTimers();
    api = createRecordingApi();
    win = new FakeBrowserWindow({});
    const handlers = createHandlers(api, { actor: 'alice', chooseExportPath: async () => null, openExternal: async () => {} });
    dispose = registerIpc({
      api,
      handlers,
      getWindow: () => win as never,
      app: location,
      healthIntervalMs: 30_000,
      progressIntervalMs: 250,
    });
  });
  afterEach(() => {
    dispose();
    vi.useRealTimers();
  });

  it('registers a handler for every contract channel, and removes them on dispose', () => {
    expect([...ipcMainHandlers.keys()].sort()).toEqual(Object.keys(CHANNELS).sort());
    dispose();
    expect(ipcMainHandlers.size).toBe(0);
    dispose = () => {};
  });

  it('answers our window showing our page', async () => {
    const result = await invoke('users:list', {}, fromOurWindow());
    expect(result.ok).toBe(true);
    expect(api.calls.map((c) => c.method)).toContain('listUsers');
  });

  it.each([
    ['another webContents', () => ({ sender: {}, senderFrame: { url: APP_URL, parent: null } })],
    ['a foreign page in our window', () => ({ sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } })],
    ['another local file', () => ({ sender: win.webContents, senderFrame: { url: 'file:///tmp/x.html', parent: null } })],
    ['a sub-frame', () => ({ sender: win.webContents, senderFrame: { url: APP_URL, parent: {} } })],
    ['a destroyed frame', () => ({ sender: win.webContents, senderFrame: null })],
  ])('refuses %s with FORBIDDEN', async (_name, event) => {
    const before = api.calls.length;
    const result = await invoke('users:list', {}, event());
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(api.calls.length).toBe(before);
  });

  it('refuses everyone once the window is gone', async () => {
    win.destroyed = true;
    const result = await invoke('health:get', undefined, fromOurWindow());
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('pushes core events to the window on the event: channels', async () => {
    await vi.advanceTimersByTimeAsync(0); // the first health check
    api.emit('job:log', { runId: 'r1', userId: 'u1', time: 't', level: 'info', message: 'hello' });
    const channels = win.webContents.sent.map((s) => s.channel);
    expect(channels).toEqual(['event:health:changed', 'event:job:log']);
  });

  it('checks health right after settings were saved', async () => {
    await vi.advanceTimersByTimeAsync(0);
    const healthCalls = () => api.calls.filter((c) => c.method === 'health').length;
    const before = healthCalls();
    await invoke('settings:save', { batchSize: 10 }, fromOurWindow());
    await vi.advanceTimersByTimeAsync(0);
    expect(healthCalls()).toBe(before + 1);
    expect(win.webContents.sent.filter((s) => s.channel === 'event:health:changed')).toHaveLength(2);
  });

  it('notifies the operator of a finished run only when the window is not focused', async () => {
    FakeNotification.shown.length = 0;
    const run = { id: 'r1', userId: 'u1', type: 'all', status: 'failed', error: 'cannot reach postgres://a:pw123@db:5432/x' };
    win.focused = true;
    api.emit('job:finished', { run } as never);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(FakeNotification.shown).toHaveLength(0);
    win.focused = false;
    api.emit('job:finished', { run } as never);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(FakeNotification.shown).toHaveLength(1);
    expect(FakeNotification.shown[0].title).toBe('Sync failed');
    expect(FakeNotification.shown[0].body).toContain('u1');
    expect(FakeNotification.shown[0].body).not.toContain('pw123');
  });

  it('tells runs that finish together (a bulk sync) in one notification', async () => {
    FakeNotification.shown.length = 0;
    win.focused = false;
    for (let i = 0; i < 500; i++) {
      const status = i < 3 ? 'failed' : 'succeeded';
      api.emit('job:finished', { run: { id: `r${i}`, userId: `u${i}`, type: 'all', status, error: null } } as never);
    }
    await vi.advanceTimersByTimeAsync(5_000);
    expect(FakeNotification.shown).toEqual([
      { title: '500 syncs finished', body: '497 succeeded, 3 failed or incomplete. Details are in History.' },
    ]);
  });
});
