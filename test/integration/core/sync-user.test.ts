import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { WeaviateClient } from 'weaviate-client';
import { seedUser, expectedMetrics, type SeededUser } from '../../support/data';
import { startCoreFixture, type CoreFixture } from '../../support/core/core-fixture';
import { transactionUuid, accountUuid, profileUuid } from '../../../src/main/core/mapping';

const who = { actor: 'sync-tester' };
let fx: CoreFixture;

beforeAll(async () => {
  fx = await startCoreFixture(inject('pgAdminUrl'));
  await fx.api.schemaInit(who);
});
afterAll(async () => {
  await fx?.close();
});

async function objectsOf(client: WeaviateClient, collection: string, userId: string) {
  const c = client.collections.get(collection);
  const res = await c.query.fetchObjects({ filters: c.filter.byProperty('user_id').equal(userId), limit: 10_000 });
  return new Map(res.objects.map((o) => [o.uuid, o.properties as Record<string, unknown>]));
}

async function syncAndWait(userId: string, type: 'all' | 'transactions' | 'accounts' | 'profile', limit?: number) {
  const started = await fx.api.startSync({ users: [userId], type, limit }, who);
  expect(started.started).toHaveLength(1);
  const run = await fx.api.waitForRun(started.started[0]!.runId);
  return run!;
}

describe('sync of one user', () => {
  let user: SeededUser;
  beforeAll(async () => {
    user = await seedUser(fx.db.pool, { id: 'usr_full' });
  });

  it('starts Not Synced, and a full sync makes it Fully Synced with matching counts', async () => {
    const before = await fx.api.userDetail(user.userId);
    expect(before.status.overall).toBe('Not Synced');
    expect(before.status.types.transactions.state).toBe('never');
    // The Overview's counts: this fixture's database holds only this user so far.
    expect(await fx.api.syncSummary()).toEqual({ users: 1, fullySynced: 0, partiallySynced: 0, notSynced: 1 });

    const run = await syncAndWait(user.userId, 'all');
    expect(run.status).toBe('succeeded');
    expect(run.error).toBeNull();
    expect(run.counts.transactions).toMatchObject({ read: 12, written: 12, failed: 0 });
    expect(run.counts.accounts).toMatchObject({ read: 5, written: 5, failed: 0 });
    expect(run.counts.profile).toMatchObject({ read: 1, written: 1, failed: 0 });

    const after = await fx.api.userDetail(user.userId);
    expect(after.status.overall).toBe('Fully Synced');
    for (const t of ['profile', 'accounts', 'transactions'] as const) {
      expect(after.status.types[t].state, t).toBe('synced');
      expect(after.status.types[t].weaviateCount, t).toBe(after.status.types[t].expectedCount);
    }
    expect(after.status.types.transactions.postgresCount).toBe(12);
    expect(await fx.api.syncSummary()).toEqual({ users: 1, fullySynced: 1, partiallySynced: 0, notSynced: 0 });
  });

  it('writes every transaction property exactly as PostgreSQL holds it', async () => {
    const objects = await objectsOf(fx.client, 'Transaction', user.userId);
    expect(objects.size).toBe(user.transactions.length);
    const { rows } = await fx.db.pool.query(
      `SELECT id, user_id, account_id, amount::text AS amount, name, merchant_name, category, to_char(date, 'YYYY-MM-DD') AS date,
              pending, payment_channel FROM "Transaction" WHERE user_id = $1`,
      [user.userId],
    );
    for (const r of rows) {
      const o = objects.get(transactionUuid(r.id));
      expect(o, r.id).toBeDefined();
      const categories: string[] = JSON.parse(r.category);
      expect(o).toMatchObject({
        transaction_id: r.id,
        user_id: r.user_id,
        account_id: r.account_id ?? '',
        amount: Number(r.amount),
        name: r.name,
        category: categories,
        date: r.date,
        pending: r.pending,
        merchant_name: r.merchant_name ?? '',
        payment_channel: r.payment_channel ?? '',
        month_year: r.date.slice(0, 7),
        description_embedding: [r.name, r.merchant_name ?? '', ...categories].filter(Boolean).join(' '),
      });
    }
  });

  it('writes accounts with the NULL rules and no invented zero balances', async () => {
    const objects = await objectsOf(fx.client, 'Account', user.userId);
    expect(objects.size).toBe(5);
    for (const a of user.accounts) {
      const o = objects.get(accountUuid(a.id))!;
      expect(o.account_id).toBe(a.id);
      expect(o.name).toBe(a.name);
      expect(o.type).toBe(a.type ?? 'unknown');
      expect(o.subtype).toBe(a.subtype ?? '');
      expect(o.currency).toBe(a.currency ?? 'USD');
      expect(o.institution_name).toBe('First Platypus Bank');
      expect(o.balance_current).toBe(a.balanceCurrent === null ? null : Number(a.balanceCurrent));
      // A bank that reported no available balance must not read as $0 available.
      expect(o.balance_available ?? null).toBe(a.balanceAvailable === null ? null : Number(a.balanceAvailable));
      expect(o.balance_limit ?? null).toBe(a.balanceLimit === null ? null : Number(a.balanceLimit));
    }
  });

  it('writes the profile with metrics computed as the contract says', async () => {
    const objects = await objectsOf(fx.client, 'UserProfile', user.userId);
    const p = objects.get(profileUuid(user.userId))!;
    const m = expectedMetrics({ accounts: user.accounts, transactions: user.transactions, today: user.today });
    expect(p.email).toBe(user.email);
    expect(p.total_assets).toBeCloseTo(m.total_assets, 6);
    expect(p.total_liabilities).toBeCloseTo(m.total_liabilities, 6);
    expect(p.monthly_income).toBeCloseTo(m.monthly_income, 6);
    expect(p.monthly_expenses).toBeCloseTo(m.monthly_expenses, 6);
    expect(p.savings_rate).toBeCloseTo(m.savings_rate, 6);
  });

  it('re-syncs in place: no duplicates, same ids, profile updated rather than refused', async () => {
    const before = await objectsOf(fx.client, 'Transaction', user.userId);
    await fx.db.pool.query(`UPDATE "User" SET email = 'renamed@example.com' WHERE id = $1`, [user.userId]);
    await fx.db.pool.query(`UPDATE "Transaction" SET name = 'Blue Bottle Coffee Bar' WHERE id = $1`, [`${user.userId}_tx_coffee`]);
    const run = await syncAndWait(user.userId, 'all');
    expect(run.status).toBe('succeeded');
    const after = await objectsOf(fx.client, 'Transaction', user.userId);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(after.get(transactionUuid(`${user.userId}_tx_coffee`))?.name).toBe('Blue Bottle Coffee Bar');
    const profiles = await objectsOf(fx.client, 'UserProfile', user.userId);
    expect(profiles.size).toBe(1);
    expect([...profiles.values()][0]!.email).toBe('renamed@example.com');
    const total = await fx.client.collections.get('UserProfile').aggregate.overAll();
    expect(total.totalCount).toBe(1);
  });

  it('honours a per-run transaction limit: the newest by date, ties by id', async () => {
    const run = await syncAndWait(user.userId, 'transactions', 3);
    expect(run.status).toBe('succeeded');
    expect(run.transactionLimit).toBe(3);
    const { rows } = await fx.db.pool.query(
      `SELECT id FROM "Transaction" WHERE user_id = $1 ORDER BY date DESC, id DESC LIMIT 3`,
      [user.userId],
    );
    const objects = await objectsOf(fx.client, 'Transaction', user.userId);
    // Weaviate holds exactly the newest three: older objects no longer in the window are removed.
    expect([...objects.keys()].sort()).toEqual(rows.map((r) => transactionUuid(r.id)).sort());
    const detail = await fx.api.userDetail(user.userId);
    expect(detail.status.types.transactions.expectedCount).toBe(3);
    expect(detail.status.types.transactions.state).toBe('synced');
    // Back to all of them.
    expect((await syncAndWait(user.userId, 'transactions', 0)).counts.transactions?.written).toBe(12);
  });

  it('removes objects whose rows were deleted from PostgreSQL', async () => {
    const gone = `${user.userId}_tx_groceries_b`;
    await fx.db.pool.query(`DELETE FROM "Transaction" WHERE id = $1`, [gone]);
    const run = await syncAndWait(user.userId, 'transactions');
    expect(run.status).toBe('succeeded');
    const objects = await objectsOf(fx.client, 'Transaction', user.userId);
    expect(objects.has(transactionUuid(gone))).toBe(false);
    expect(objects.size).toBe(11);
    const detail = await fx.api.runDetail(run.id);
    expect(detail.log.some((l) => /Removed 1 Transaction object/.test(l.message))).toBe(true);
  });

  it('writes in batches of SYNC_BATCH_SIZE through gRPC', async () => {
    const other = await seedUser(fx.db.pool, {
      id: 'usr_batches',
      transactions: Array.from({ length: 250 }, (_, i) => ({ key: `t${i}`, amount: '1.00', daysAgo: i % 100 })),
    });
    const before = fx.double.calls.batchSizes().length;
    const run = await syncAndWait(other.userId, 'transactions');
    expect(run.counts.transactions?.written).toBe(250);
    expect(fx.double.calls.batchSizes().slice(before).sort((a, b) => b - a)).toEqual([100, 100, 50]);
  });

  it('summary: users deleted from PostgreSQL after a sync never push a count below zero or past the total', async () => {
    // usr_batches has transactions only: Partially Synced.
    expect(await fx.api.syncSummary()).toEqual({ users: 2, fullySynced: 1, partiallySynced: 1, notSynced: 0 });
    await fx.db.pool.query(`DELETE FROM "User" WHERE id = 'usr_batches'`);
    // Its state stays in the store, so the store still sees two usable users against one in PostgreSQL.
    expect(await fx.api.syncSummary()).toEqual({ users: 1, fullySynced: 1, partiallySynced: 0, notSynced: 0 });
  });
});
