import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENTS, type Channel } from '../../../src/shared/ipc-contract';
import { CHANNEL_METHODS, EVENT_CHANNEL_PREFIX, EVENT_NAMES } from '../../../src/preload/channel-methods';
import { exposed, fakeElectron, ipcRendererListeners } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

type Api = Record<string, (...args: unknown[]) => unknown>;
let api: Api;

beforeAll(async () => {
  await import('../../../src/preload/index');
  api = exposed.get('api') as Api;
});

describe('preload bridge', () => {
  it('exposes only window.api', () => {
    expect([...exposed.keys()]).toEqual(['api']);
  });

  it('has exactly one method per contract channel, plus on()', () => {
    const expected = Object.values(CHANNELS).map((c) => c.method);
    expect(Object.keys(api).sort()).toEqual([...expected, 'on'].sort());
    for (const key of Object.keys(api)) expect(typeof api[key]).toBe('function');
  });

  it("keeps its written-out lists equal to the contract's", () => {
    const fromContract = Object.fromEntries(Object.entries(CHANNELS).map(([ch, spec]) => [ch, spec.method]));
    expect(CHANNEL_METHODS).toEqual(fromContract);
    expect([...EVENT_NAMES].sort()).toEqual([...EVENTS].sort());
  });

  it('never hands out ipcRenderer, process or Node handles', () => {
    const values = Object.values(api);
    expect(values).not.toContain(fakeElectron.ipcRenderer);
    expect(values).not.toContain(fakeElectron.ipcRenderer.invoke);
    expect(Object.keys(api)).not.toContain('ipcRenderer');
    expect(Object.keys(api)).not.toContain('env');
    expect(Object.keys(api)).not.toContain('process');
  });

  it.each(Object.keys(CHANNELS) as Channel[])('%s: the method invokes exactly that channel with the input', async (channel) => {
    const invoke = fakeElectron.ipcRenderer.invoke;
    invoke.mockClear();
    const input = { probe: channel };
    await api[CHANNELS[channel].method](input);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenCalledWith(channel, input);
  });

  it('on() delivers only the payload and returns a working unsubscribe', () => {
    const got: unknown[] = [];
    const off = api.on('job:log', (payload: unknown) => got.push(payload)) as () => void;
    const channel = EVENT_CHANNEL_PREFIX + 'job:log';
    expect(ipcRendererListeners.count(channel)).toBe(1);
    ipcRendererListeners.emit(channel, { sender: 'ipc-event-object' }, { message: 'hello' });
    expect(got).toEqual([{ message: 'hello' }]);
    off();
    expect(ipcRendererListeners.count(channel)).toBe(0);
    ipcRendererListeners.emit(channel, {}, { message: 'after' });
    expect(got).toHaveLength(1);
  });

  it('on() refuses names that are not contract events', () => {
    expect(() => api.on('sync:start', () => {})).toThrow(/unknown event/);
    expect(() => api.on('job:log', 'not a function')).toThrow(/listener/);
  });
});
