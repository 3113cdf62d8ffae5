import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobProgress, SyncRun } from '../../../src/shared/domain';
import { forwardEvents } from '../../../src/main/ipc/event-forwarder';
import { startHealthMonitor } from '../../../src/main/ipc/health-monitor';
import { createRecordingApi, health } from './recording-api';

function progress(runId: string, written: number): JobProgress {
  return {
    runId,
    userId: 'u1',
    type: 'transactions',
    phase: 'writing',
    current: 'transactions',
    counts: { transactions: { read: written, written, failed: 0, warnings: 0 } },
    totals: { transactions: 1000 },
  };
}

function run(id: string): SyncRun {
  return {
    id,
    userId: 'u1',
    type: 'transactions',
    trigger: 'manual',
    actor: 'alice',
    status: 'succeeded',
    transactionLimit: 500,
    queuedAt: '2026-01-01T00:00:00Z',
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:00:05Z',
    counts: {},
    error: null,
  };
}

const written = (payload: unknown) => (payload as JobProgress).counts.transactions?.written;

describe('event forwarding', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends at most one progress event per run per interval, and always the newest state', () => {
    const api = createRecordingApi();
    const sent: { event: string; payload: unknown }[] = [];
    forwardEvents(api, (event, payload) => sent.push({ event, payload }), { progressIntervalMs: 250 });

    for (let i = 1; i <= 50; i++) api.emit('job:progress', progress('r1', i));
    // The first update goes out at once; the other 49 collapse into one pending update.
    expect(sent.map((s) => written(s.payload))).toEqual([1]);
    vi.advanceTimersByTime(249);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent.map((s) => written(s.payload))).toEqual([1, 50]);
    // Nothing new: no timer fires an empty update.
    vi.advanceTimersByTime(10_000);
    expect(sent).toHaveLength(2);
  });

  it('throttles runs independently', () => {
    const api = createRecordingApi();
    const sent: unknown[] = [];
    forwardEvents(api, (_e, payload) => sent.push(payload), { progressIntervalMs: 250 });
    api.emit('job:progress', progress('r1', 1));
    api.emit('job:progress', progress('r2', 1));
    expect((sent as JobProgress[]).map((p) => p.runId)).toEqual(['r1', 'r2']);
  });

  it("delivers a run's last progress before its job:finished, then nothing more for it", () => {
    const api = createRecordingApi();
    const sent: { event: string; payload: unknown }[] = [];
    const finished: string[] = [];
    forwardEvents(api, (event, payload) => sent.push({ event, payload }), {
      progressIntervalMs: 250,
      onRunFinished: (r) => finished.push(r.id),
    });
    api.emit('job:progress', progress('r1', 10));
    api.emit('job:progress', progress('r1', 999));
    api.emit('job:finished', { run: run('r1') });
    expect(sent.map((s) => s.event)).toEqual(['job:progress', 'job:progress', 'job:finished']);
    expect(written(sent[1].payload)).toBe(999);
    expect(finished).toEqual(['r1']);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(3);
  });

  it('forwards log lines and health reports as they come', () => {
    const api = createRecordingApi();
    const sent: string[] = [];
    forwardEvents(api, (event) => sent.push(event));
    const line = { runId: 'r1', userId: 'u1', time: 't', level: 'info' as const, message: 'm' };
    api.emit('job:log', line);
    api.emit('job:log', line);
    api.emit('health:changed', health());
    expect(sent).toEqual(['job:log', 'job:log', 'health:changed']);
  });

  it('stops forwarding after unsubscribe and drops a pending update', () => {
    const api = createRecordingApi();
    const sent: unknown[] = [];
    const stop = forwardEvents(api, (_e, p) => sent.push(p), { progressIntervalMs: 250 });
    api.emit('job:progress', progress('r1', 1));
    api.emit('job:progress', progress('r1', 2));
    stop();
    vi.advanceTimersByTime(1000);
    api.emit('job:log', { runId: 'r1', userId: 'u1', time: 't', level: 'info', message: 'm' });
    expect(sent).toHaveLength(1);
  });
});

describe('health monitor', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('pushes the first report and then only changes, checking every interval', async () => {
    const api = createRecordingApi();
    const pushed: boolean[] = [];
    const monitor = startHealthMonitor(api, (r) => pushed.push(r.weaviate.ok), 30_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(pushed).toEqual([true]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(api.calls.filter((c) => c.method === 'health')).toHaveLength(2);
    expect(pushed).toEqual([true]); // unchanged: not pushed again
    api.answer('health', health(false, 'connect ECONNREFUSED 127.0.0.1:8080'));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(pushed).toEqual([true, false]);
    monitor.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(api.calls.filter((c) => c.method === 'health')).toHaveLength(3);
  });

  it('checkNow() pushes a fresh report even when nothing changed (after settings were saved)', async () => {
    const api = createRecordingApi();
    let pushes = 0;
    const monitor = startHealthMonitor(api, () => pushes++, 30_000);
    await vi.advanceTimersByTimeAsync(0);
    await monitor.checkNow();
    expect(pushes).toBe(2);
    monitor.stop();
  });
});
