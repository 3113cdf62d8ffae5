import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/main/core/sync/scheduler';

function harness(opts: { enabled?: boolean; last?: string | null; intervalHours?: number; failWith?: Error }) {
  let last = opts.last ?? null;
  let now = new Date('2026-03-01T12:00:00Z');
  const rounds: string[] = [];
  const errors: unknown[] = [];
  const s = new Scheduler({
    enabled: () => opts.enabled ?? true,
    intervalHours: () => opts.intervalHours ?? 24,
    lastRoundAt: () => last,
    setLastRoundAt: (iso) => (last = iso),
    startRound: async () => {
      if (opts.failWith) throw opts.failWith;
      rounds.push(now.toISOString());
    },
    onError: (e) => errors.push(e),
    now: () => now,
  });
  return { s, rounds, errors, last: () => last, advanceHours: (h: number) => (now = new Date(now.getTime() + h * 3_600_000)) };
}

describe('scheduler', () => {
  it('waits one interval on a fresh install before the first round', async () => {
    const h = harness({});
    expect(await h.s.tick()).toBe(false);
    expect(h.last()).toBe('2026-03-01T12:00:00.000Z');
    h.advanceHours(23.9);
    expect(await h.s.tick()).toBe(false);
    h.advanceHours(0.2);
    expect(await h.s.tick()).toBe(true);
    expect(h.rounds).toEqual(['2026-03-02T12:06:00.000Z']);
  });

  it('runs a due round at once after a restart, and only one', async () => {
    const h = harness({ last: '2026-02-27T00:00:00.000Z' });
    expect(await h.s.tick()).toBe(true);
    expect(await h.s.tick()).toBe(false);
    expect(h.rounds).toHaveLength(1);
  });

  it('does nothing when auto sync is disabled', async () => {
    const h = harness({ enabled: false, last: '2020-01-01T00:00:00.000Z' });
    expect(await h.s.tick()).toBe(false);
    expect(h.rounds).toEqual([]);
    expect(h.last()).toBe('2020-01-01T00:00:00.000Z');
  });

  it('reports a failed round and waits for the next interval instead of retrying every tick', async () => {
    const h = harness({ last: '2020-01-01T00:00:00.000Z', failWith: new Error('PostgreSQL down') });
    expect(await h.s.tick()).toBe(false);
    expect(h.errors).toHaveLength(1);
    expect(await h.s.tick()).toBe(false);
    expect(h.errors).toHaveLength(1);
  });
});
