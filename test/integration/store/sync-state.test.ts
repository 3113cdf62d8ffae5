import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OverallStatus, TypeState } from '../../../src/shared/domain';
import { deriveOverall, deriveTypeState, openStore, type Store, type UserTypeState } from '../../../src/main/core/store';

describe('per-user per-type state in the store', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'store-state-'));
    store = openStore(join(dir, 'h.db'));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const result = (status: 'succeeded' | 'partial' | 'failed', at: string, runId: string, error: string | null = null) => ({
    runId,
    status,
    at,
    writtenCount: status === 'failed' ? 0 : 90,
    expectedCount: 100,
    error,
  });

  it('is all null for a user never synced', () => {
    expect(store.state.get('u1')).toEqual({ profile: null, accounts: null, transactions: null });
  });

  it('keeps the last run and moves last success only on success', () => {
    store.state.recordResult('u1', 'transactions', { ...result('succeeded', '2026-01-01T10:00:00Z', 'r1'), writtenCount: 100 });
    store.state.recordResult('u1', 'transactions', result('partial', '2026-01-02T10:00:00+01:00', 'r2', '10 objects failed'));
    expect(store.state.get('u1').transactions).toEqual<UserTypeState>({
      userId: 'u1',
      dataType: 'transactions',
      lastSuccessAt: '2026-01-01T10:00:00.000Z',
      lastRunAt: '2026-01-02T09:00:00.000Z',
      lastStatus: 'partial',
      lastError: '10 objects failed',
      lastRunId: 'r2',
      writtenCount: 90,
      expectedCount: 100,
    });

    store.state.recordResult('u1', 'transactions', result('failed', '2026-01-03T10:00:00Z', 'r3', 'Weaviate unreachable'));
    expect(store.state.get('u1').transactions).toMatchObject({
      lastSuccessAt: '2026-01-01T10:00:00.000Z',
      lastStatus: 'failed',
      lastError: 'Weaviate unreachable',
      lastRunId: 'r3',
      writtenCount: 0,
    });

    store.state.recordResult('u1', 'transactions', { ...result('succeeded', '2026-01-04T10:00:00Z', 'r4'), writtenCount: 100 });
    expect(store.state.get('u1').transactions).toMatchObject({
      lastSuccessAt: '2026-01-04T10:00:00.000Z',
      lastRunAt: '2026-01-04T10:00:00.000Z',
      lastStatus: 'succeeded',
      lastError: null,
      writtenCount: 100,
    });
    // The other types of the user are untouched.
    expect(store.state.get('u1').profile).toBeNull();
  });

  it('a first run that is not a success leaves last success empty', () => {
    store.state.recordResult('u2', 'accounts', result('failed', '2026-01-01T00:00:00Z', 'r1', 'boom'));
    expect(store.state.get('u2').accounts).toMatchObject({ lastSuccessAt: null, lastStatus: 'failed' });
  });

  it('getMany answers for every id asked (null states for unknown users) and ignores duplicates', () => {
    store.state.recordResult('a', 'profile', result('succeeded', '2026-01-01T00:00:00Z', 'r1'));
    store.state.recordResult('b', 'accounts', result('failed', '2026-01-01T00:00:00Z', 'r2', 'x'));
    store.state.recordResult('b', 'transactions', result('partial', '2026-01-01T00:00:00Z', 'r3', 'y'));
    store.state.recordResult('not-asked', 'profile', result('succeeded', '2026-01-01T00:00:00Z', 'r4'));
    const many = store.state.getMany(['a', 'b', 'c', 'a']);
    expect([...many.keys()]).toEqual(['a', 'b', 'c']);
    expect(many.get('a')!.profile?.lastRunId).toBe('r1');
    expect(many.get('a')!.accounts).toBeNull();
    expect(many.get('b')!.accounts?.lastStatus).toBe('failed');
    expect(many.get('b')!.transactions?.lastStatus).toBe('partial');
    expect(many.get('c')).toEqual({ profile: null, accounts: null, transactions: null });
    expect(store.state.getMany([]).size).toBe(0);
  });

  it('getMany serves a page of 500 users in one call', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `user-${i}`);
    for (const id of ids.filter((_, i) => i % 2 === 0)) {
      store.state.recordResult(id, 'profile', result('succeeded', '2026-01-01T00:00:00Z', `run-${id}`));
    }
    const many = store.state.getMany(ids);
    expect(many.size).toBe(500);
    expect(ids.filter((id) => many.get(id)!.profile !== null)).toHaveLength(250);
    expect(many.get('user-498')!.profile?.lastRunId).toBe('run-user-498');
    expect(many.get('user-499')!.profile).toBeNull();
  });

  it('rejects bad results with VALIDATION errors', () => {
    expect(() => store.state.recordResult('u', 'users' as 'profile', result('succeeded', '2026-01-01T00:00:00Z', 'r'))).toThrow(
      /unknown data type "users"/,
    );
    expect(() => store.state.recordResult('u', 'profile', { ...result('succeeded', '2026-01-01T00:00:00Z', 'r'), status: 'running' as 'failed' })).toThrow(
      /succeeded, partial, failed/,
    );
    expect(() => store.state.recordResult('u', 'profile', { ...result('succeeded', 'not a time', 'r') })).toThrow(/ISO 8601/);
    expect(() => store.state.recordResult('u', 'profile', { ...result('succeeded', '2026-01-01T00:00:00Z', 'r'), writtenCount: -1 })).toThrow(
      /writtenCount/,
    );
    expect(store.state.get('u').profile).toBeNull();
  });
});

describe('deriveTypeState: every branch', () => {
  const now = new Date('2026-02-10T12:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
  const state = (over: Partial<UserTypeState>): UserTypeState => ({
    userId: 'u',
    dataType: 'transactions',
    lastSuccessAt: hoursAgo(1),
    lastRunAt: hoursAgo(1),
    lastStatus: 'succeeded',
    lastError: null,
    lastRunId: 'r',
    writtenCount: 100,
    expectedCount: 100,
    ...over,
  });
  const opts = { now, intervalHours: 24 };

  const table: [string, UserTypeState | null, Partial<Parameters<typeof deriveTypeState>[1]>, TypeState][] = [
    ['nothing recorded', null, {}, 'never'],
    ['nothing recorded, even with live counts', null, { weaviateCount: 0, expectedCount: 10 }, 'never'],
    ['last run failed after an earlier success', state({ lastStatus: 'failed', lastRunAt: hoursAgo(0.5) }), {}, 'failed'],
    ['last run failed, counts match', state({ lastStatus: 'failed' }), { weaviateCount: 100, expectedCount: 100 }, 'failed'],
    ['recent success, live counts differ', state({}), { weaviateCount: 99, expectedCount: 100 }, 'drift'],
    ['recent success, Weaviate holds more than expected', state({}), { weaviateCount: 101, expectedCount: 100 }, 'drift'],
    ['old success and counts differ: drift wins over stale', state({ lastSuccessAt: hoursAgo(48), lastRunAt: hoursAgo(48) }), { weaviateCount: 1, expectedCount: 2 }, 'drift'],
    ['last run partial, no live counts', state({ lastStatus: 'partial', writtenCount: 90 }), {}, 'drift'],
    ['last run partial, Weaviate not reachable (null count)', state({ lastStatus: 'partial' }), { weaviateCount: null, expectedCount: 100 }, 'drift'],
    ['last run partial, live counts now match, recent', state({ lastStatus: 'partial', lastSuccessAt: null, lastRunAt: hoursAgo(2) }), { weaviateCount: 5, expectedCount: 5 }, 'synced'],
    ['last run partial, live counts match, old', state({ lastStatus: 'partial', lastSuccessAt: null, lastRunAt: hoursAgo(30) }), { weaviateCount: 5, expectedCount: 5 }, 'stale'],
    ['success older than the interval', state({ lastSuccessAt: hoursAgo(24.01), lastRunAt: hoursAgo(24.01) }), {}, 'stale'],
    ['success older than the interval, counts match', state({ lastSuccessAt: hoursAgo(25), lastRunAt: hoursAgo(25) }), { weaviateCount: 100, expectedCount: 100 }, 'stale'],
    ['success exactly one interval ago', state({ lastSuccessAt: hoursAgo(24), lastRunAt: hoursAgo(24) }), {}, 'synced'],
    ['recent success, no live counts', state({}), {}, 'synced'],
    ['recent success, counts match', state({}), { weaviateCount: 100, expectedCount: 100 }, 'synced'],
    ['recent success, only one count known', state({}), { weaviateCount: 3 }, 'synced'],
    ['recent success, zero objects expected and held', state({ writtenCount: 0, expectedCount: 0 }), { weaviateCount: 0, expectedCount: 0 }, 'synced'],
    ['success time in the future (clock skew)', state({ lastSuccessAt: hoursAgo(-2), lastRunAt: hoursAgo(-2) }), {}, 'synced'],
  ];

  it.each(table)('%s -> %s', (_name, s, extra, expected) => {
    expect(deriveTypeState(s, { ...opts, ...extra })).toBe(expected);
  });

  it('honours the interval it is given', () => {
    const s = state({ lastSuccessAt: hoursAgo(2), lastRunAt: hoursAgo(2) });
    expect(deriveTypeState(s, { now, intervalHours: 1 })).toBe('stale');
    expect(deriveTypeState(s, { now, intervalHours: 3 })).toBe('synced');
  });
});

describe('deriveOverall', () => {
  const table: [TypeState[], OverallStatus][] = [
    [['synced', 'synced', 'synced'], 'Fully Synced'],
    [['synced', 'synced', 'stale'], 'Partially Synced'],
    [['synced', 'never', 'never'], 'Partially Synced'],
    [['synced', 'failed', 'drift'], 'Partially Synced'],
    [['stale', 'stale', 'stale'], 'Partially Synced'],
    [['drift', 'never', 'failed'], 'Partially Synced'],
    [['never', 'never', 'never'], 'Not Synced'],
    [['failed', 'failed', 'failed'], 'Not Synced'],
    [['never', 'failed', 'never'], 'Not Synced'],
    [[], 'Not Synced'],
  ];
  it.each(table)('%j -> %s', (states, expected) => {
    expect(deriveOverall(states)).toBe(expected);
  });
});
