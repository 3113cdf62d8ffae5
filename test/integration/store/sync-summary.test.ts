import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_TYPES, type DataType, type OverallStatus } from '../../../src/shared/domain';
import { deriveOverall, deriveTypeState, openStore, type Store } from '../../../src/main/core/store';

const now = new Date('2026-02-10T12:00:00.000Z');
const msAgo = (ms: number) => new Date(now.getTime() - ms).toISOString();
const hoursAgo = (h: number) => msAgo(h * 3_600_000);

type Recorded = [DataType, 'succeeded' | 'partial' | 'failed', string];
const allThree = (status: Recorded[1], at: string): Recorded[] => DATA_TYPES.map((dt): Recorded => [dt, status, at]);

/** Each user's results in the order they were recorded, and the badge expected at a 24 h interval. */
const USERS: [string, Recorded[], OverallStatus][] = [
  ['recent', allThree('succeeded', hoursAgo(1)), 'Fully Synced'],
  ['exactly-one-interval', allThree('succeeded', hoursAgo(24)), 'Fully Synced'],
  ['one-ms-too-old', [...allThree('succeeded', hoursAgo(1)).slice(0, 2), ['transactions', 'succeeded', msAgo(24 * 3_600_000 + 1)]], 'Partially Synced'],
  ['two-types-only', allThree('succeeded', hoursAgo(1)).slice(0, 2), 'Partially Synced'],
  ['last-run-partial', [...allThree('succeeded', hoursAgo(2)), ['transactions', 'partial', hoursAgo(1)]], 'Partially Synced'],
  ['failed-after-success', [...allThree('succeeded', hoursAgo(2)), ['accounts', 'failed', hoursAgo(1)]], 'Partially Synced'],
  ['all-failed-after-success', [...allThree('succeeded', hoursAgo(2)), ...allThree('failed', hoursAgo(1))], 'Not Synced'],
  ['only-a-failed-profile', [['profile', 'failed', hoursAgo(1)]], 'Not Synced'],
  ['all-stale', allThree('succeeded', hoursAgo(48)), 'Partially Synced'],
  ['clock-skew', allThree('succeeded', hoursAgo(-2)), 'Fully Synced'],
  ['age-360000ms', allThree('succeeded', msAgo(360_000)), 'Fully Synced'],
  ['age-360001ms', allThree('succeeded', msAgo(360_001)), 'Fully Synced'],
];

describe('state summary: users by badge in one query', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'store-summary-'));
    store = openStore(join(dir, 'h.db'));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const record = () => {
    let n = 0;
    for (const [userId, results] of USERS) {
      for (const [dt, status, at] of results) {
        store.state.recordResult(userId, dt, { runId: `r${++n}`, status, at, writtenCount: 1, expectedCount: 1, error: null });
      }
    }
  };

  /** What the users list would show, user by user, tallied. */
  const tallyDerived = (intervalHours: number) => {
    const tally: Record<OverallStatus, number> = { 'Fully Synced': 0, 'Partially Synced': 0, 'Not Synced': 0 };
    for (const [userId] of USERS) {
      const s = store.state.get(userId);
      tally[deriveOverall(DATA_TYPES.map((dt) => deriveTypeState(s[dt], { now, intervalHours })))] += 1;
    }
    return tally;
  };

  it('is all zero for an empty store', () => {
    expect(store.state.summary({ now, intervalHours: 24 })).toEqual({ tracked: 0, fullySynced: 0, usable: 0 });
  });

  it('matches the badge of every user in the table at a 24 h interval', () => {
    record();
    for (const [userId, , badge] of USERS) {
      const s = store.state.get(userId);
      expect(deriveOverall(DATA_TYPES.map((dt) => deriveTypeState(s[dt], { now, intervalHours: 24 }))), userId).toBe(badge);
    }
    const count = (b: OverallStatus) => USERS.filter((u) => u[2] === b).length;
    expect(store.state.summary({ now, intervalHours: 24 })).toEqual({
      tracked: USERS.length,
      fullySynced: count('Fully Synced'),
      usable: USERS.length - count('Not Synced'),
    });
    expect(count('Fully Synced')).toBe(5);
    expect(count('Not Synced')).toBe(2);
  });

  // 0.1000001 h is 360000.36 ms: the 360000 ms old user is fresh, the 360001 ms one is stale.
  it.each([24, 48, 1, 0.1000001, 0.1, 1000])('agrees with deriveOverall at an interval of %s h', (intervalHours) => {
    record();
    const tally = tallyDerived(intervalHours);
    expect(store.state.summary({ now, intervalHours })).toEqual({
      tracked: USERS.length,
      fullySynced: tally['Fully Synced'],
      usable: tally['Fully Synced'] + tally['Partially Synced'],
    });
  });

  it('puts a fractional interval on the same side of the line as deriveTypeState', () => {
    record();
    // Fresh at 0.1000001 h: age-360000ms and clock-skew only.
    expect(store.state.summary({ now, intervalHours: 0.1000001 }).fullySynced).toBe(2);
    expect(tallyDerived(0.1000001)['Fully Synced']).toBe(2);
  });

  it('rejects a bad clock or interval', () => {
    expect(() => store.state.summary({ now: new Date('nope'), intervalHours: 24 })).toThrow(/now must be a valid time/);
    expect(() => store.state.summary({ now, intervalHours: 0 })).toThrow(/intervalHours must be a number above 0/);
    expect(() => store.state.summary({ now, intervalHours: Number.NaN })).toThrow(/intervalHours/);
  });
});
