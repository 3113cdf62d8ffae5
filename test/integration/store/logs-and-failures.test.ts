import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { openStore, type Store } from '../../../src/main/core/store';

let dir: string;
let store: Store;
const clock = new Date('2026-07-01T00:00:00.000Z');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-logs-'));
  store = openStore(join(dir, 'h.db'), { now: () => clock });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const newRun = (id: string) =>
  store.runs.create({ id, userId: 'u1', type: 'all', trigger: 'manual', actor: 'ops', transactionLimit: 500 }).id;
const RUN_A = '11111111-1111-4111-8111-111111111111';
const RUN_B = '22222222-2222-4222-8222-222222222222';

describe('run log', () => {
  it('numbers lines 1, 2, 3 ... per run, independently for each run', () => {
    newRun(RUN_A);
    newRun(RUN_B);
    expect(store.logs.append(RUN_A, 'info', 'reading profile')).toEqual({
      runId: RUN_A,
      seq: 1,
      time: clock.toISOString(),
      level: 'info',
      message: 'reading profile',
    });
    expect(store.logs.append(RUN_B, 'info', 'b1').seq).toBe(1);
    expect(store.logs.append(RUN_A, 'warn', 'category was NULL', '2026-07-01T02:00:00+02:00')).toMatchObject({
      seq: 2,
      time: '2026-07-01T00:00:00.000Z',
    });
    const batch = store.logs.appendMany([
      { runId: RUN_A, level: 'warn', message: 'w1' },
      { runId: RUN_B, level: 'error', message: 'b2' },
      { runId: RUN_A, level: 'warn', message: 'w2' },
    ]);
    expect(batch.map((l) => [l.runId, l.seq])).toEqual([
      [RUN_A, 3],
      [RUN_B, 2],
      [RUN_A, 4],
    ]);
    expect(store.logs.list(RUN_A, { limit: 100 })).toEqual({
      lines: [
        expect.objectContaining({ seq: 1, message: 'reading profile' }),
        expect.objectContaining({ seq: 2, level: 'warn' }),
        expect.objectContaining({ seq: 3, message: 'w1' }),
        expect.objectContaining({ seq: 4, message: 'w2' }),
      ],
      truncated: false,
    });
    expect(store.logs.appendMany([])).toEqual([]);
  });

  it('appendMany is all or nothing: one bad line leaves no lines of the batch behind', () => {
    newRun(RUN_A);
    store.logs.append(RUN_A, 'info', 'before');
    expect(() =>
      store.logs.appendMany([
        { runId: RUN_A, level: 'warn', message: 'ok 1' },
        { runId: RUN_A, level: 'debug' as 'info', message: 'bad level' },
      ]),
    ).toThrow(/log level must be one of info, warn, error/);
    expect(() =>
      store.logs.appendMany([
        { runId: RUN_A, level: 'warn', message: 'ok 2' },
        { runId: 'unknown-run', level: 'warn', message: 'orphan' },
      ]),
    ).toThrow(/sync run unknown-run not found/);
    expect(store.logs.list(RUN_A, { limit: 10 }).lines.map((l) => l.message)).toEqual(['before']);
    expect(store.logs.append(RUN_A, 'info', 'after').seq).toBe(2);
  });

  it('pages with limit and afterSeq and says when the page was cut', () => {
    newRun(RUN_A);
    store.logs.appendMany(Array.from({ length: 25 }, (_, i) => ({ runId: RUN_A, level: 'info' as const, message: `line ${i + 1}` })));
    const first = store.logs.list(RUN_A, { limit: 10 });
    expect(first.truncated).toBe(true);
    expect(first.lines.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const middle = store.logs.list(RUN_A, { limit: 10, afterSeq: 10 });
    expect(middle.lines.map((l) => l.seq)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(middle.truncated).toBe(true);
    const last = store.logs.list(RUN_A, { limit: 10, afterSeq: 20 });
    expect(last.lines.map((l) => l.message)).toEqual(['line 21', 'line 22', 'line 23', 'line 24', 'line 25']);
    expect(last.truncated).toBe(false);
    // Exactly the limit left is not "cut".
    expect(store.logs.list(RUN_A, { limit: 5, afterSeq: 20 }).truncated).toBe(false);
    expect(store.logs.list('no-such-run', { limit: 5 })).toEqual({ lines: [], truncated: false });
  });

  it('rejects a page size of 0 and a negative afterSeq; caps huge messages', () => {
    newRun(RUN_A);
    expect(() => store.logs.list(RUN_A, { limit: 0 })).toThrow(AppError);
    expect(() => store.logs.list(RUN_A, { limit: 5, afterSeq: -1 })).toThrow(/afterSeq/);
    const long = store.logs.append(RUN_A, 'error', 'x'.repeat(100_000));
    expect(long.message.length).toBeLessThan(10_000);
    expect(long.message.endsWith('(cut)')).toBe(true);
    expect(() => store.logs.append(RUN_A, 'info', 'bad time', 'soon')).toThrow(/ISO 8601/);
  });

  it('keeps unicode and emoji intact; masks passwords quoted from connection strings', () => {
    newRun(RUN_A);
    expect(store.logs.append(RUN_A, 'error', 'Weaviate https://admin:k3y@w.example:8080 refused').message).toBe(
      'Weaviate https://admin:***@w.example:8080 refused',
    );
    store.logs.append(RUN_A, 'warn', 'merchant "Café 🍕 Zürich" — category NULL → []');
    expect(store.logs.list(RUN_A, { limit: 5 }).lines[1].message).toBe('merchant "Café 🍕 Zürich" — category NULL → []');
  });
});

describe('failed objects', () => {
  const failure = (i: number) => ({
    dataType: 'transactions' as const,
    objectId: `0000000${i}-0000-4000-8000-000000000000`,
    sourceId: `txn_${i}`,
    message: `property amount: invalid number ${i}`,
  });

  it('records refused objects per run, lists them in order up to the limit and counts them', () => {
    newRun(RUN_A);
    newRun(RUN_B);
    expect(store.failures.addMany(RUN_A, [1, 2, 3].map(failure))).toBe(3);
    expect(store.failures.addMany(RUN_B, [{ ...failure(9), dataType: 'accounts' }])).toBe(1);
    expect(store.failures.addMany(RUN_A, [])).toBe(0);
    expect(store.failures.count(RUN_A)).toBe(3);
    expect(store.failures.count(RUN_B)).toBe(1);
    expect(store.failures.count('none')).toBe(0);
    expect(store.failures.list(RUN_A, 2)).toEqual([
      { runId: RUN_A, ...failure(1) },
      { runId: RUN_A, ...failure(2) },
    ]);
    expect(store.failures.list(RUN_B, 10)).toEqual([{ runId: RUN_B, ...failure(9), dataType: 'accounts' }]);
  });

  it('refuses an unknown run or data type without keeping part of the batch', () => {
    newRun(RUN_A);
    expect(() => store.failures.addMany('unknown', [failure(1)])).toThrow(/sync run unknown not found/);
    expect(() => store.failures.addMany(RUN_A, [failure(1), { ...failure(2), dataType: 'users' as 'accounts' }])).toThrow(
      /unknown data type "users"/,
    );
    expect(store.failures.count(RUN_A)).toBe(0);
    expect(() => store.failures.list(RUN_A, 0)).toThrow(AppError);
  });
});
