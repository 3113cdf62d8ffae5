import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedUser, seedOddRows, HUGE_AMOUNT } from '../../support/data';
import { startCoreFixture, type CoreFixture } from '../../support/core/core-fixture';
import { transactionUuid, accountUuid } from '../../../src/main/core/mapping';

const who = { actor: 'reliability-tester' };
let fx: CoreFixture;

beforeAll(async () => {
  fx = await startCoreFixture(inject('pgAdminUrl'));
  await fx.api.schemaInit(who);
});
afterAll(async () => {
  await fx?.close();
});

async function start(userId: string, type: 'all' | 'transactions' = 'all', limit?: number) {
  const r = await fx.api.startSync({ users: [userId], type, limit }, who);
  return r.started[0]!.runId;
}

describe('odd rows', () => {
  it('syncs every odd row, repairs it as documented and logs each repair as a warning', async () => {
    const odd = await seedOddRows(fx.db.pool, 'usr_odd');
    const runId = await start('usr_odd');
    const run = (await fx.api.waitForRun(runId))!;
    expect(run.status).toBe('succeeded');
    expect(run.counts.transactions?.written).toBe(odd.allTransactions.length);
    expect(run.counts.transactions?.warnings).toBeGreaterThanOrEqual(5);

    const tx = fx.client.collections.get('Transaction');
    const get = async (id: string) => (await tx.query.fetchObjectById(transactionUuid(id)))?.properties as Record<string, unknown>;
    expect((await get(odd.transactions.categoryNull.id)).category).toEqual([]);
    expect((await get(odd.transactions.categoryEmpty.id)).category).toEqual([]);
    expect((await get(odd.transactions.categoryMalformed.id)).category).toEqual([]);
    expect((await get(odd.transactions.categoryObject.id)).category).toEqual([]);
    const unicode = await get(odd.transactions.categoryUnicode.id);
    expect(unicode.category).toEqual(JSON.parse(odd.transactions.categoryUnicode.category!));
    const nulls = await get(odd.transactions.nullFields.id);
    expect(nulls).toMatchObject({ merchant_name: '', payment_channel: '', account_id: '' });
    expect((await get(odd.transactions.emojiName.id)).name).toBe(odd.transactions.emojiName.name);
    expect((await get(odd.transactions.hugeAmount.id)).amount).toBe(Number(HUGE_AMOUNT));
    expect((await get(odd.transactions.pending.id)).pending).toBe(true);

    const acc = await fx.client.collections.get('Account').query.fetchObjectById(accountUuid(odd.accounts.allNull.id));
    expect(acc?.properties).toMatchObject({ type: 'unknown', subtype: '', currency: 'USD', institution_name: '' });
    expect(acc?.properties.balance_current ?? null).toBeNull();

    const detail = await fx.api.runDetail(runId);
    const warnings = detail.log.filter((l) => l.level === 'warn').map((l) => l.message);
    expect(warnings.some((w) => w.includes(odd.transactions.categoryMalformed.id) && /malformed/i.test(w))).toBe(true);
    expect(warnings.some((w) => w.includes(odd.transactions.categoryNull.id))).toBe(true);
  });
});

describe('refusals', () => {
  it('a malformed request is VALIDATION naming the field, not a raw schema dump', async () => {
    await expect(fx.api.startSync({ users: [], type: 'all' }, who)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'users: choose at least one user',
    });
    await expect(fx.api.startSync({ users: ['u'], type: 'everything' as never }, who)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^type: /),
    });
  });

  it('an unknown user is "user X not found" and nothing reaches Weaviate', async () => {
    const batchesBefore = fx.double.calls.batchSizes().length;
    await expect(fx.api.startSync({ users: ['nobody'], type: 'all' }, who)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'user nobody not found',
    });
    expect(fx.double.calls.batchSizes().length).toBe(batchesBefore);
    const audit = await fx.api.listAudit({ userId: 'nobody' });
    expect(audit.items[0]).toMatchObject({ action: 'sync.start', outcome: 'error', error: 'user nobody not found' });
  });

  it('refuses a second job for a busy user and lists the reason in bulk requests', async () => {
    await seedUser(fx.db.pool, { id: 'usr_busy' });
    fx.double.faults.addLatency('BatchObjects', 300);
    try {
      const first = await start('usr_busy');
      await expect(fx.api.startSync({ users: ['usr_busy'], type: 'accounts' }, who)).rejects.toMatchObject({
        code: 'BUSY',
        message: expect.stringContaining('already has a all sync'),
      });
      const bulk = await fx.api.startSync({ users: ['usr_busy', 'nobody'], type: 'profile' }, who);
      expect(bulk.started).toEqual([]);
      expect(bulk.refused.map((r) => r.userId).sort()).toEqual(['nobody', 'usr_busy']);
      expect((await fx.api.waitForRun(first))!.status).toBe('succeeded');
    } finally {
      fx.double.faults.addLatency('BatchObjects', 0);
    }
  });
});

describe('failures', () => {
  it('per-object errors make the run partial, with every failed object recorded', async () => {
    const user = await seedUser(fx.db.pool, { id: 'usr_partial' });
    const bad = user.transactionIds.slice(0, 2);
    fx.double.faults.failObjects(bad.map(transactionUuid), 'invalid number property');
    try {
      const runId = await start(user.userId, 'transactions');
      const run = (await fx.api.waitForRun(runId))!;
      expect(run.status).toBe('partial');
      expect(run.counts.transactions).toMatchObject({ read: 12, written: 10, failed: 2 });
      expect(run.error).toMatch(/2 objects failed/);
      const detail = await fx.api.runDetail(runId);
      expect(detail.failures.map((f) => f.sourceId).sort()).toEqual([...bad].sort());
      expect(detail.failures[0]!.message).toMatch(/invalid number property/);
      const status = await fx.api.userDetail(user.userId);
      expect(status.status.types.transactions.state).toBe('drift');
      expect(status.status.overall).not.toBe('Fully Synced');
    } finally {
      fx.double.faults.failObjects([], '');
      fx.double.reset();
      await fx.api.schemaInit(who);
    }
  });

  it('a Weaviate outage mid-sync fails the run with a clear error, in history and audit', async () => {
    await seedUser(fx.db.pool, {
      id: 'usr_outage',
      // Large enough that writes are still in flight when the server goes: a run keeps up to
      // 4,000 objects in flight.
      transactions: Array.from({ length: 6000 }, (_, i) => ({ key: `t${i}`, amount: '2.00', daysAgo: i % 90 })),
    });
    fx.double.faults.addLatency('BatchObjects', 150);
    let taken = false;
    const off = fx.api.on('job:progress', (p) => {
      if (p.userId === 'usr_outage' && (p.counts.transactions?.written ?? 0) >= 100 && !taken) {
        taken = true;
        void fx.double.faults.takeDown();
      }
    });
    try {
      const runId = await start('usr_outage', 'transactions');
      const run = (await fx.api.waitForRun(runId))!;
      expect(taken).toBe(true);
      expect(run.status).toBe('failed');
      expect(run.error).toMatch(/Weaviate at 127\.0\.0\.1:\d+ \(gRPC port \d+\) is not reachable/);
      const history = await fx.api.listHistory({ userId: 'usr_outage', status: 'failed' });
      expect(history.items.map((r) => r.id)).toContain(runId);
      const audit = await fx.api.listAudit({ userId: 'usr_outage', action: 'sync.finished' });
      expect(audit.items[0]).toMatchObject({ outcome: 'error' });
      expect(audit.items[0]!.error).toMatch(/not reachable/);
      const status = await fx.api.userDetail('usr_outage');
      expect(status.status.types.transactions.state).toBe('failed');
    } finally {
      off();
      fx.double.faults.addLatency('BatchObjects', 0);
      await fx.double.faults.bringUp();
    }
    // After the outage the same service recovers without a restart.
    const again = (await fx.api.waitForRun(await start('usr_outage', 'transactions')))!;
    expect(again.status).toBe('succeeded');
  }, 90_000);

  it('PostgreSQL unreachable gives a failed run naming host and port, in history and audit', async () => {
    const api = await fx.openApi({
      env: { ...fx.env, DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/finance', ELYSIA_CONNECT_TIMEOUT_MS: '2000' },
    });
    try {
      const started = await api.startSync({ users: ['anyone'], type: 'all' }, who);
      const run = (await api.waitForRun(started.started[0]!.runId))!;
      expect(run.status).toBe('failed');
      expect(run.error).toContain('PostgreSQL at 127.0.0.1:1 refused the connection');
      expect(run.error).not.toContain('secret');
      const history = await api.listHistory({ userId: 'anyone' });
      expect(history.items[0]).toMatchObject({ id: run.id, status: 'failed' });
      const audit = await api.listAudit({ userId: 'anyone', action: 'sync.finished' });
      expect(audit.items[0]).toMatchObject({ outcome: 'error' });
      expect(audit.items[0]!.error).toContain('127.0.0.1:1');
      expect(JSON.stringify(audit.items)).not.toContain('secret');
      // Syncing every user needs the list of users: that request fails, and says why.
      await expect(api.startSync({ users: 'all', type: 'all' }, who)).rejects.toMatchObject({ code: 'POSTGRES_UNAVAILABLE' });
    } finally {
      await api.close();
    }
  });
});

describe('cancellation and crashes', () => {
  it('cancels a running sync between batches; the run ends cancelled', async () => {
    await seedUser(fx.db.pool, {
      id: 'usr_cancel',
      transactions: Array.from({ length: 6000 }, (_, i) => ({ key: `t${i}`, amount: '3.00', daysAgo: i % 120 })),
    });
    fx.double.faults.addLatency('BatchObjects', 200);
    try {
      const runId = await start('usr_cancel', 'transactions', 0);
      await new Promise<void>((resolve) => {
        const off = fx.api.on('job:progress', (p) => {
          if (p.runId === runId && (p.counts.transactions?.written ?? 0) >= 100) {
            off();
            resolve();
          }
        });
      });
      expect(await fx.api.cancelSync(runId, who)).toBe(true);
      const run = (await fx.api.waitForRun(runId))!;
      expect(run.status).toBe('cancelled');
      expect(run.counts.transactions!.written).toBeLessThan(6000);
      expect(run.counts.transactions!.read).toBeLessThan(6000);
      expect(fx.api.listJobs().find((j) => j.runId === runId)).toBeUndefined();
      const audit = await fx.api.listAudit({ action: 'sync.cancel' });
      expect(audit.items[0]).toMatchObject({ userId: 'usr_cancel', outcome: 'ok' });
    } finally {
      fx.double.faults.addLatency('BatchObjects', 0);
    }
  });

  it('queues beyond the concurrency limit and runs everything', async () => {
    const api = await fx.openApi({ concurrency: 2 });
    for (const id of ['usr_q1', 'usr_q2', 'usr_q3', 'usr_q4']) await seedUser(fx.db.pool, { id, transactions: [] });
    fx.double.faults.addLatency('BatchObjects', 100);
    try {
      const r = await api.startSync({ users: ['usr_q1', 'usr_q2', 'usr_q3', 'usr_q4'], type: 'accounts', trigger: 'bulk' }, who);
      expect(r.started).toHaveLength(4);
      const jobs = api.listJobs();
      expect(jobs.filter((j) => j.status === 'running').length).toBeLessThanOrEqual(2);
      expect(jobs.filter((j) => j.status === 'queued').length).toBeGreaterThanOrEqual(2);
      const runs = await Promise.all(r.started.map((s) => api.waitForRun(s.runId)));
      expect(runs.map((x) => x!.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    } finally {
      fx.double.faults.addLatency('BatchObjects', 0);
      await api.close();
    }
  });
});
