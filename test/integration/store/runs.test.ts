import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunStatus, RunTrigger, SyncType } from '../../../src/shared/domain';
import { AppError } from '../../../src/shared/errors';
import { openStore, type Store } from '../../../src/main/core/store';

let dir: string;
let store: Store;
let clock: Date;
const tick = (ms: number) => (clock = new Date(clock.getTime() + ms));
let seq = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-runs-'));
  clock = new Date('2026-06-01T12:00:00.000Z');
  store = openStore(join(dir, 'h.db'), { now: () => clock });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const create = (over: Partial<{ userId: string; type: SyncType; trigger: RunTrigger; actor: string; transactionLimit: number }> = {}) =>
  store.runs.create({ id: uuid(), userId: 'u1', type: 'all', trigger: 'manual', actor: 'alice', transactionLimit: 500, ...over });

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : 'not an AppError';
  }
  return 'no error';
};

describe('run lifecycle', () => {
  it('queued -> running -> succeeded with counts, times stamped by the clock', () => {
    const run = create({ type: 'transactions', trigger: 'cli', transactionLimit: 0 });
    expect(run).toEqual({
      id: run.id,
      userId: 'u1',
      type: 'transactions',
      trigger: 'cli',
      actor: 'alice',
      status: 'queued',
      transactionLimit: 0,
      queuedAt: '2026-06-01T12:00:00.000Z',
      startedAt: null,
      finishedAt: null,
      counts: {},
      error: null,
    });

    tick(1000);
    store.runs.markRunning(run.id);
    store.runs.markRunning(run.id); // a second call changes nothing
    expect(store.runs.get(run.id)).toMatchObject({ status: 'running', startedAt: '2026-06-01T12:00:01.000Z' });

    store.runs.updateCounts(run.id, { transactions: { read: 100, written: 50, failed: 0, warnings: 2 } });
    expect(store.runs.get(run.id)!.counts).toEqual({ transactions: { read: 100, written: 50, failed: 0, warnings: 2 } });

    tick(4000);
    const done = store.runs.finish(run.id, {
      status: 'succeeded',
      error: null,
      counts: { transactions: { read: 200, written: 200, failed: 0, warnings: 3 } },
    });
    expect(done).toMatchObject({
      status: 'succeeded',
      startedAt: '2026-06-01T12:00:01.000Z',
      finishedAt: '2026-06-01T12:00:05.000Z',
      counts: { transactions: { read: 200, written: 200, failed: 0, warnings: 3 } },
      error: null,
    });
    expect(store.runs.get(run.id)).toEqual(done);
  });

  it('updateCounts merges per data type; finish keeps the types it is not given', () => {
    const run = create();
    store.runs.markRunning(run.id);
    store.runs.updateCounts(run.id, { profile: { read: 1, written: 1, failed: 0, warnings: 0 } });
    store.runs.updateCounts(run.id, { accounts: { read: 3, written: 2, failed: 1, warnings: 0 } });
    const done = store.runs.finish(run.id, {
      status: 'partial',
      error: '1 object failed',
      counts: { transactions: { read: 10, written: 10, failed: 0, warnings: 0 } },
    });
    expect(done.counts).toEqual({
      profile: { read: 1, written: 1, failed: 0, warnings: 0 },
      accounts: { read: 3, written: 2, failed: 1, warnings: 0 },
      transactions: { read: 10, written: 10, failed: 0, warnings: 0 },
    });
    expect(done.error).toBe('1 object failed');
  });

  it('masks a password quoted in a run error and caps very long errors', () => {
    const run = create();
    const done = store.runs.finish(run.id, {
      status: 'failed',
      error: 'connect to postgres://sync:Sup3rSecret@db:5432/finance failed: ' + 'x'.repeat(10_000),
      counts: {},
    });
    expect(done.error).toMatch(/^connect to postgres:\/\/sync:\*\*\*@db:5432\/finance failed: x+… \(cut\)$/);
    expect(done.error!.length).toBeLessThan(4100);
  });

  it('a queued run can end without starting (cancelled before its turn)', () => {
    const run = create();
    const done = store.runs.finish(run.id, { status: 'cancelled', error: 'cancelled by alice', counts: {} });
    expect(done).toMatchObject({ status: 'cancelled', startedAt: null, finishedAt: '2026-06-01T12:00:00.000Z' });
  });

  it('refuses what would corrupt history, with the error code the caller can act on', () => {
    const run = create();
    expect(codeOf(() => store.runs.create({ ...store.runs.get(run.id)!, transactionLimit: 5 }))).toBe('VALIDATION');
    expect(codeOf(() => create({ transactionLimit: -1 }))).toBe('VALIDATION');
    expect(codeOf(() => create({ type: 'everything' as SyncType }))).toBe('VALIDATION');
    expect(codeOf(() => store.runs.markRunning('missing'))).toBe('NOT_FOUND');
    expect(codeOf(() => store.runs.updateCounts('missing', {}))).toBe('NOT_FOUND');
    expect(codeOf(() => store.runs.finish('missing', { status: 'failed', error: 'x', counts: {} }))).toBe('NOT_FOUND');
    expect(codeOf(() => store.runs.finish(run.id, { status: 'running' as 'failed', error: null, counts: {} }))).toBe('VALIDATION');
    expect(
      codeOf(() => store.runs.updateCounts(run.id, { accounts: { read: -1, written: 0, failed: 0, warnings: 0 } })),
    ).toBe('VALIDATION');
    expect(codeOf(() => store.runs.updateCounts(run.id, { users: { read: 1 } } as never))).toBe('VALIDATION');

    store.runs.finish(run.id, { status: 'failed', error: 'PostgreSQL at db:5432 unreachable', counts: {} });
    expect(codeOf(() => store.runs.markRunning(run.id))).toBe('STORE_ERROR');
    expect(codeOf(() => store.runs.finish(run.id, { status: 'succeeded', error: null, counts: {} }))).toBe('STORE_ERROR');
    expect(store.runs.get(run.id)!.status).toBe('failed');
    expect(store.runs.get('missing')).toBeNull();
  });
});

describe('listing history', () => {
  // 12 runs, one per minute: users u1/u2/u3 in turn, types and triggers cycling, statuses varied.
  const types: SyncType[] = ['all', 'transactions', 'accounts', 'profile'];
  const triggers: RunTrigger[] = ['manual', 'bulk', 'cli'];
  const finals: (RunStatus | null)[] = ['succeeded', 'failed', null, 'partial'];
  function seed() {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const run = create({ userId: `u${(i % 3) + 1}`, type: types[i % 4], trigger: triggers[i % 3] });
      const final = finals[i % 4];
      if (final) store.runs.finish(run.id, { status: final as 'succeeded', error: null, counts: {} });
      ids.push(run.id);
      tick(60_000);
    }
    return ids; // oldest first
  }

  it('newest first, with a total that counts every match, paged by offset and limit', () => {
    const ids = seed();
    const first = store.runs.list({ limit: 5 });
    expect(first.total).toBe(12);
    expect(first.limit).toBe(5);
    expect(first.offset).toBe(0);
    expect(first.items.map((r) => r.id)).toEqual(ids.slice().reverse().slice(0, 5));
    const last = store.runs.list({ limit: 5, offset: 10 });
    expect(last.items.map((r) => r.id)).toEqual([ids[1], ids[0]]);
    expect(last.total).toBe(12);
    expect(store.runs.list({ offset: 50 }).items).toEqual([]);
    expect(store.runs.list({}).limit).toBe(50); // the shared schema's default
  });

  it('filters by user, type, status and trigger, each and combined, with matching totals', () => {
    const ids = seed();
    const u2 = store.runs.list({ userId: 'u2' });
    expect(u2.total).toBe(4);
    expect(u2.items.map((r) => r.id)).toEqual([ids[10], ids[7], ids[4], ids[1]]);
    expect(store.runs.list({ type: 'accounts' }).items.map((r) => r.id)).toEqual([ids[10], ids[6], ids[2]]);
    expect(store.runs.list({ status: 'queued' }).items.map((r) => r.id)).toEqual([ids[10], ids[6], ids[2]]);
    expect(store.runs.list({ status: 'failed' }).total).toBe(3);
    expect(store.runs.list({ trigger: 'cli' }).items.map((r) => r.id)).toEqual([ids[11], ids[8], ids[5], ids[2]]);
    const combined = store.runs.list({ userId: 'u3', trigger: 'cli', limit: 1 });
    expect(combined.total).toBe(4);
    expect(combined.items.map((r) => r.id)).toEqual([ids[11]]);
    expect(store.runs.list({ userId: 'u1', status: 'partial' }).items.map((r) => r.id)).toEqual([ids[3]]);
    expect(store.runs.list({ type: 'profile', status: 'succeeded' }).total).toBe(0);
  });

  it('filters by queued time, from and to inclusive, whatever offset the bounds are written in', () => {
    const ids = seed(); // run i queued at 12:00 + i minutes UTC
    const window = store.runs.list({ from: '2026-06-01T12:03:00Z', to: '2026-06-01T12:05:00Z' });
    expect(window.items.map((r) => r.id)).toEqual([ids[5], ids[4], ids[3]]);
    expect(window.total).toBe(3);
    // The same instants written in UTC+02:00.
    const shifted = store.runs.list({ from: '2026-06-01T14:03:00+02:00', to: '2026-06-01T14:05:00+02:00' });
    expect(shifted.items.map((r) => r.id)).toEqual(window.items.map((r) => r.id));
    expect(store.runs.list({ from: '2026-06-01T12:11:00Z' }).items.map((r) => r.id)).toEqual([ids[11]]);
    expect(store.runs.list({ to: '2026-06-01T12:00:00Z' }).items.map((r) => r.id)).toEqual([ids[0]]);
  });

  it('rejects a bad filter with a VALIDATION error naming the field', () => {
    expect(() => store.runs.list({ limit: 501 })).toThrow(/limit/);
    expect(codeOf(() => store.runs.list({ status: 'done' as RunStatus }))).toBe('VALIDATION');
    expect(() => store.runs.list({ from: 'yesterday' })).toThrow(/from: expected an ISO 8601 time/);
    expect(codeOf(() => store.runs.list({ colour: 'red' } as never))).toBe('VALIDATION');
  });

  it('uses an index for every filter (no full scan of the history)', () => {
    const raw = new Database(join(dir, 'h.db'), { readonly: true });
    try {
      const plans: Record<string, string> = {
        userId: `SELECT * FROM sync_runs WHERE user_id = 'u1' ORDER BY queued_at DESC LIMIT 50`,
        type: `SELECT * FROM sync_runs WHERE type = 'all' ORDER BY queued_at DESC LIMIT 50`,
        status: `SELECT * FROM sync_runs WHERE status = 'failed' ORDER BY queued_at DESC LIMIT 50`,
        trigger: `SELECT * FROM sync_runs WHERE trigger = 'cli' ORDER BY queued_at DESC LIMIT 50`,
        none: `SELECT * FROM sync_runs ORDER BY queued_at DESC LIMIT 50`,
      };
      for (const [name, sql] of Object.entries(plans)) {
        const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join('; ');
        expect(plan, name).toMatch(/USING INDEX/);
        expect(plan, name).not.toMatch(/TEMP B-TREE/);
      }
    } finally {
      raw.close();
    }
  });

  it('recentForUser: that user only, newest first, at most the limit', () => {
    const ids = seed();
    expect(store.runs.recentForUser('u1', 2).map((r) => r.id)).toEqual([ids[9], ids[6]]);
    expect(store.runs.recentForUser('u1', 100)).toHaveLength(4);
    expect(store.runs.recentForUser('nobody', 5)).toEqual([]);
    expect(codeOf(() => store.runs.recentForUser('u1', 0))).toBe('VALIDATION');
  });
});
