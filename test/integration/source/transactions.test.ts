import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../support/postgres/database';
import { seedBulk, seedOddRows, seedUser, type SeededUser } from '../../support/data';
import { createSourcePool, streamTransactions, toSourceError, type TransactionRow } from '../../../src/main/core/source';

let db: TestDatabase;
let pool: pg.Pool;
let user: SeededUser;

beforeAll(async () => {
  db = await createTestDatabase(inject('pgAdminUrl'));
  pool = createSourcePool(db.url, { connectTimeoutMs: 5000, max: 3 });
  user = await seedUser(db.pool, { id: 'u_stream' });
  await seedBulk(db.pool, { users: 2, transactionsPerUser: 2500, accountsPerUser: 2, prefix: 'big' });
  await seedOddRows(db.pool, 'u_odd');
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

async function collect(it: AsyncIterable<TransactionRow[]>): Promise<TransactionRow[][]> {
  const batches: TransactionRow[][] = [];
  for await (const b of it) batches.push(b);
  return batches;
}

/** Expected order: date DESC, then id DESC (ids compared as the database's collation would for these ASCII ids). */
function newestFirst(rows: { id: string; date: string }[]): string[] {
  return [...rows]
    .sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1))
    .map((r) => r.id);
}

describe('streamTransactions', () => {
  it('yields every transaction newest first, ties by id descending, in batches of batchSize', async () => {
    const batches = await collect(streamTransactions(pool, user.userId, { limit: 0, batchSize: 5 }));
    expect(batches.map((b) => b.length)).toEqual([5, 5, 2]);
    const ids = batches.flat().map((r) => r.id);
    expect(ids).toEqual(newestFirst(user.transactions));
    // The two same-day groceries: id DESC puts tx_groceries_b first.
    expect(ids.indexOf('u_stream_tx_groceries_b')).toBe(ids.indexOf('u_stream_tx_groceries') - 1);
  });

  it('returns raw values: date as YYYY-MM-DD, amount as exact text, ISO times, category and its type', async () => {
    const rows = (await collect(streamTransactions(pool, user.userId, { limit: 0, batchSize: 100 }))).flat();
    const rent = rows.find((r) => r.id === 'u_stream_tx_rent')!;
    const seeded = user.transactions.find((t) => t.id === 'u_stream_tx_rent')!;
    expect(rent).toEqual({
      id: 'u_stream_tx_rent',
      user_id: 'u_stream',
      account_id: 'u_stream_acc_checking',
      amount: '1450.00',
      iso_currency_code: 'USD',
      name: 'Rent',
      merchant_name: null,
      category: '["Payment","Rent"]',
      category_type: 'text',
      date: seeded.date,
      pending: false,
      payment_channel: 'online',
      created_at: '2025-01-15T10:00:00.000Z',
      updated_at: '2025-01-15T10:00:00.000Z',
    });
  });

  it('honours the limit: the newest N only', async () => {
    const rows = (await collect(streamTransactions(pool, user.userId, { limit: 4, batchSize: 3 }))).flat();
    expect(rows.map((r) => r.id)).toEqual(newestFirst(user.transactions).slice(0, 4));
  });

  it('streams thousands of rows in order without skipping or repeating', async () => {
    let count = 0;
    let prev: { date: string; id: string } | null = null;
    const seen = new Set<string>();
    for await (const batch of streamTransactions(pool, 'big_u000001', { limit: 0, batchSize: 300 })) {
      expect(batch.length).toBeLessThanOrEqual(300);
      for (const r of batch) {
        if (prev) expect(r.date < prev.date || (r.date === prev.date && r.id < prev.id)).toBe(true);
        prev = r;
        seen.add(r.id);
        count++;
      }
    }
    expect(count).toBe(2500);
    expect(seen.size).toBe(2500);
  });

  it('returns nothing for a user without transactions', async () => {
    expect(await collect(streamTransactions(pool, 'nobody', { limit: 0, batchSize: 10 }))).toEqual([]);
  });

  it('releases its client when the consumer stops early', async () => {
    for (let i = 0; i < 5; i++) {
      for await (const batch of streamTransactions(pool, 'big_u000002', { limit: 0, batchSize: 10 })) {
        expect(batch).toHaveLength(10);
        break;
      }
    }
    // A pool of 3: five leaked clients would make this wait forever (the test would time out).
    expect(pool.totalCount - pool.idleCount).toBe(0);
    const { rows } = await pool.query('SELECT 1 AS one');
    expect(rows[0].one).toBe(1);
  });

  it('stops with CANCELLED on abort and releases its client', async () => {
    for (let i = 0; i < 4; i++) {
      const ctrl = new AbortController();
      let batches = 0;
      const run = (async () => {
        for await (const _ of streamTransactions(pool, 'big_u000001', { limit: 0, batchSize: 100, signal: ctrl.signal })) {
          batches++;
          if (batches === 2) ctrl.abort();
        }
      })();
      await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(batches).toBe(2);
    }
    expect(pool.totalCount - pool.idleCount).toBe(0);
    expect((await pool.query('SELECT 2 AS two')).rows[0].two).toBe(2);
  });

  it('refuses to start when the signal is already aborted', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(collect(streamTransactions(pool, user.userId, { limit: 0, batchSize: 10, signal: ctrl.signal }))).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });

  it('rejects a negative limit or a zero batch size', async () => {
    await expect(collect(streamTransactions(pool, user.userId, { limit: -1, batchSize: 10 }))).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(collect(streamTransactions(pool, user.userId, { limit: 0, batchSize: 0 }))).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('reads the odd rows as they are stored', async () => {
    const rows = (await collect(streamTransactions(pool, 'u_odd', { limit: 0, batchSize: 50 }))).flat();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(rows).toHaveLength(12);
    expect(byId.get('u_odd_tx_cat_null')!.category).toBeNull();
    expect(byId.get('u_odd_tx_cat_empty')!.category).toBe('');
    expect(byId.get('u_odd_tx_cat_malformed')!.category).toBe('[Food');
    expect(byId.get('u_odd_tx_cat_unicode')!.category).toBe('["Café ☕","Großhandel 🛒","日本料理"]');
    expect(byId.get('u_odd_tx_huge')!.amount).toBe('9999999999999999.99');
    expect(byId.get('u_odd_tx_tiny_negative')!.amount).toBe('-0.01');
    expect(byId.get('u_odd_tx_null_fields')).toMatchObject({ account_id: null, merchant_name: null, payment_channel: null });
    expect(byId.get('u_odd_tx_emoji_name')!.name).toBe('🍕 Pizza — Zürich “quoted” \'single\'');
    expect(byId.get('u_odd_tx_pending')!.pending).toBe(true);
  });

  it('surfaces a connection lost mid-stream as an error and does not leak the client', async () => {
    const seen: string[] = [];
    const run = (async () => {
      for await (const batch of streamTransactions(pool, 'big_u000001', { limit: 0, batchSize: 50 })) {
        seen.push(batch[0].id);
        if (seen.length === 1) {
          // Kill the backend serving the stream, as a server restart or a network drop would.
          await db.pool.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE application_name = 'elysia-sync-console' AND query LIKE '%FROM "Transaction" t%'
               AND pid <> pg_backend_pid()`,
          );
        }
      }
    })();
    const err = await run.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(toSourceError(err, db.url).code).toBe('POSTGRES_UNAVAILABLE');
    expect(seen.length).toBeLessThan(50); // 2,500 rows would be 50 batches: it stopped early
    expect(pool.totalCount - pool.idleCount).toBe(0);
    expect((await pool.query('SELECT 3 AS three')).rows[0].three).toBe(3);
  });

  it('aborts a read that is still waiting on the server (blocked by a lock) and frees the client', async () => {
    const locker = await db.pool.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE "Transaction" IN ACCESS EXCLUSIVE MODE');
      const ctrl = new AbortController();
      const run = collect(streamTransactions(pool, user.userId, { limit: 0, batchSize: 10, signal: ctrl.signal }));
      run.catch(() => undefined);
      // Wait until the stream's query is really blocked on the lock, then abort.
      await expect
        .poll(
          async () =>
            (
              await db.pool.query(
                `SELECT count(*)::int AS n FROM pg_stat_activity
                 WHERE application_name = 'elysia-sync-console' AND wait_event_type = 'Lock'`,
              )
            ).rows[0].n,
          { timeout: 10_000 },
        )
        .toBe(1);
      ctrl.abort();
      await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(pool.totalCount - pool.idleCount).toBe(0);
    } finally {
      await locker.query('ROLLBACK');
      locker.release();
    }
    // The discarded connection's query is gone from the server once the lock is released.
    expect((await pool.query('SELECT 4 AS four')).rows[0].four).toBe(4);
  });
});

describe('streamTransactions and the statement timeout', () => {
  it('keeps streaming past the pool statement_timeout while the consumer is slow, and resets it after', async () => {
    const db = await createTestDatabase(inject('pgAdminUrl'));
    const pool = createSourcePool(db.url, { connectTimeoutMs: 3000, statementTimeoutMs: 300, max: 1 });
    try {
      await seedUser(db.pool, { id: 'slow_reader' });
      let batches = 0;
      for await (const batch of streamTransactions(pool, 'slow_reader', { limit: 0, batchSize: 3 })) {
        expect(batch.length).toBeGreaterThan(0);
        batches += 1;
        await new Promise((r) => setTimeout(r, 200)); // a slow Weaviate: 4 batches x 200 ms > 300 ms
      }
      expect(batches).toBe(4);
      // The pooled session is back to the pool's own timeout.
      const { rows } = await pool.query('SHOW statement_timeout');
      expect(rows[0].statement_timeout).toBe('300ms');
    } finally {
      await pool.end();
      await db.drop();
    }
  });
});
