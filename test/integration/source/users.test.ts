import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/postgres/database';
import { seedBulk, seedUser, type SeededBulk } from '../../support/data';
import { createSourcePool, getUser, listAllUserIds, listUsers } from '../../../src/main/core/source';
import type pg from 'pg';

let db: TestDatabase;
let pool: pg.Pool;
let bulk: SeededBulk;

beforeAll(async () => {
  db = await createTestDatabase(inject('pgAdminUrl'));
  pool = createSourcePool(db.url, { connectTimeoutMs: 5000 });
  // 2,345 users: more than two keyset pages of 1,000, with varying account and transaction counts.
  bulk = await seedBulk(db.pool, { users: 2345, transactionsPerUser: 3, accountsPerUser: 2 });
  await seedUser(db.pool, { id: 'zz_rich', email: 'Rich.Person@Example.com', createdAt: '2020-05-01T08:30:00.000Z' });
  await seedUser(db.pool, {
    id: 'zz_wild%card_1',
    email: 'percent_user@example.com',
    accounts: [{ key: 'acc_1', type: 'depository', balanceCurrent: '1' }],
    transactions: [],
  });
  await seedUser(db.pool, {
    id: 'zz_wildXcardY1',
    email: 'plainuser@example.com',
    accounts: [],
    transactions: [],
  });
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe('listUsers', () => {
  it('pages by id ascending with the total and per-page counts', async () => {
    const first = await listUsers(pool, { sort: 'id', direction: 'asc', offset: 0, limit: 3 });
    expect(first.total).toBe(2348);
    expect(first.rows.map((r) => r.id)).toEqual([bulk.userId(1), bulk.userId(2), bulk.userId(3)]);
    expect(first.rows[0]).toEqual({
      id: bulk.userId(1),
      email: 'bulk.user1@example.com',
      name: 'Bulk User 1',
      createdAt: '2024-01-01T00:01:00.000Z',
      accountCount: 2,
      transactionCount: 3,
    });
    const second = await listUsers(pool, { sort: 'id', direction: 'asc', offset: 3, limit: 3 });
    expect(second.rows.map((r) => r.id)).toEqual([bulk.userId(4), bulk.userId(5), bulk.userId(6)]);
  });

  it('sorts descending and past the end returns no rows but the total', async () => {
    const desc = await listUsers(pool, { sort: 'id', direction: 'desc', offset: 0, limit: 2 });
    expect(desc.rows.map((r) => r.id)).toEqual(['zz_wildXcardY1', 'zz_wild%card_1']);
    const beyond = await listUsers(pool, { sort: 'id', direction: 'asc', offset: 5000, limit: 10 });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(2348);
  });

  it('sorts by transaction count with id as tiebreak', async () => {
    const { rows } = await listUsers(pool, { sort: 'transactions', direction: 'desc', offset: 0, limit: 2 });
    expect(rows[0].id).toBe('zz_rich');
    expect(rows[0].transactionCount).toBe(12);
    expect(rows[0].accountCount).toBe(5);
    // Every bulk user has 3: ties ordered by id descending.
    expect(rows[1].id).toBe(bulk.userId(2345));
    expect(rows[1].transactionCount).toBe(3);
    const asc = await listUsers(pool, { sort: 'transactions', direction: 'asc', offset: 0, limit: 3 });
    expect(asc.rows.map((r) => [r.id, r.transactionCount])).toEqual([
      ['zz_wild%card_1', 0],
      ['zz_wildXcardY1', 0],
      [bulk.userId(1), 3],
    ]);
  });

  it('sorts by account count', async () => {
    const { rows } = await listUsers(pool, { sort: 'accounts', direction: 'asc', offset: 0, limit: 2 });
    expect(rows.map((r) => [r.id, r.accountCount, r.transactionCount])).toEqual([
      ['zz_wildXcardY1', 0, 0],
      ['zz_wild%card_1', 1, 0],
    ]);
    const top = await listUsers(pool, { sort: 'accounts', direction: 'desc', offset: 0, limit: 1 });
    expect(top.rows[0]).toMatchObject({ id: 'zz_rich', accountCount: 5, transactionCount: 12 });
  });

  it('sorts by created_at and by email', async () => {
    const oldest = await listUsers(pool, { sort: 'created_at', direction: 'asc', offset: 0, limit: 1 });
    expect(oldest.rows[0].id).toBe('zz_rich');
    expect(oldest.rows[0].createdAt).toBe('2020-05-01T08:30:00.000Z');
    // Text order is the database's collation; compare with the database's own ORDER BY.
    const byEmail = await listUsers(pool, { sort: 'email', direction: 'desc', offset: 0, limit: 5 });
    const { rows } = await db.pool.query(`SELECT email FROM "User" ORDER BY email DESC, id DESC LIMIT 5`);
    expect(byEmail.rows.map((r) => r.email)).toEqual(rows.map((r) => r.email));
    expect(byEmail.rows.map((r) => r.email)).toContain('plainuser@example.com');
  });

  it('searches id or email case-insensitively', async () => {
    const byEmail = await listUsers(pool, { search: 'rich.PERSON', sort: 'id', direction: 'asc', offset: 0, limit: 10 });
    expect(byEmail.rows.map((r) => r.id)).toEqual(['zz_rich']);
    expect(byEmail.total).toBe(1);
    const byId = await listUsers(pool, { search: 'BULK_U00234', sort: 'id', direction: 'asc', offset: 0, limit: 50 });
    expect(byId.total).toBe(6); // 2340..2345
    expect(byId.rows[0].id).toBe(bulk.userId(2340));
  });

  it('treats % and _ in the search as literal characters', async () => {
    const pct = await listUsers(pool, { search: 'wild%card', sort: 'id', direction: 'asc', offset: 0, limit: 10 });
    expect(pct.rows.map((r) => r.id)).toEqual(['zz_wild%card_1']);
    // "_" must not match the X of zz_wildXcardY1
    const under = await listUsers(pool, { search: 'wild_card', sort: 'id', direction: 'asc', offset: 0, limit: 10 });
    expect(under.rows).toEqual([]);
    const backslash = await listUsers(pool, { search: '\\', sort: 'id', direction: 'asc', offset: 0, limit: 10 });
    expect(backslash.total).toBe(0);
  });

  it('refuses an unknown sort or a bad page with a VALIDATION error', async () => {
    await expect(
      listUsers(pool, { sort: 'name; DROP TABLE "User"' as never, direction: 'asc', offset: 0, limit: 10 }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('sort must be') });
    await expect(listUsers(pool, { sort: 'id', direction: 'asc', offset: -1, limit: 10 })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(listUsers(pool, { sort: 'id', direction: 'asc', offset: 0, limit: 0 })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});

describe('getUser', () => {
  it('returns one user with counts, or null', async () => {
    expect(await getUser(pool, 'zz_rich')).toEqual({
      id: 'zz_rich',
      email: 'Rich.Person@Example.com',
      name: 'Test zz_rich',
      createdAt: '2020-05-01T08:30:00.000Z',
      accountCount: 5,
      transactionCount: 12,
    });
    expect(await getUser(pool, 'nobody')).toBeNull();
  });
});

describe('listAllUserIds', () => {
  it('yields every id once, in keyset pages of 1,000', async () => {
    const pages: string[][] = [];
    for await (const page of listAllUserIds(pool)) pages.push(page);
    expect(pages.map((p) => p.length)).toEqual([1000, 1000, 348]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(2348);
    expect(all[0]).toBe(bulk.userId(1));
    expect(all.at(-1)).toBe('zz_wildXcardY1');
  });
});
