import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/main/core/store';

let dir: string;
let file: string;
let store: Store;
let clock: Date;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-audit-'));
  file = join(dir, 'h.db');
  clock = new Date('2026-08-01T09:00:00.000Z');
  store = openStore(file, { now: () => clock });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const minute = (i: number) => new Date(Date.UTC(2026, 7, 1, 10, i)).toISOString();

/** 20 entries, one per minute from 10:00: actors alice/bob, actions sync/schema-init, some errors. */
function seed() {
  return Array.from({ length: 20 }, (_, i) =>
    store.audit.record({
      actor: i % 2 ? 'bob' : 'alice',
      action: i % 5 === 0 ? 'schema-init' : 'sync',
      userId: i % 5 === 0 ? null : `u${i % 3}`,
      params: { type: 'all', index: i },
      outcome: i % 4 === 3 ? 'error' : 'ok',
      error: i % 4 === 3 ? `failure ${i}` : null,
      time: minute(i),
    }),
  );
}

describe('audit log', () => {
  it('records an entry with the clock time, JSON params and an increasing id', () => {
    const a = store.audit.record({ actor: ' alice ', action: 'sync', userId: 'u1', params: { type: 'transactions', limit: 100 }, outcome: 'ok' });
    expect(a).toEqual({
      id: a.id,
      time: '2026-08-01T09:00:00.000Z',
      actor: 'alice',
      action: 'sync',
      userId: 'u1',
      params: { type: 'transactions', limit: 100 },
      outcome: 'ok',
      error: null,
    });
    const b = store.audit.record({ actor: 'bob', action: 'schema-init', outcome: 'error', error: 'Weaviate at localhost:8080 unreachable' });
    expect(b.id).toBeGreaterThan(a.id);
    expect(b).toMatchObject({ userId: null, params: {}, error: 'Weaviate at localhost:8080 unreachable' });
    expect(store.audit.list({}).items).toEqual([b, a]);
  });

  it('never stores secrets: secret-named keys at any depth become "***", URL passwords are masked', () => {
    const e = store.audit.record({
      actor: 'alice',
      action: 'settings-save',
      params: {
        password: 'hunter2',
        weaviateApiKey: 'wk-123',
        nested: { client_secret: 's', API_KEY: 'k', accessToken: 't', list: [{ dbPassword: 'p', ok: 1 }] },
        databaseUrl: 'postgresql://admin:s3cr%40t@db.internal:5432/finance',
        weaviateApiKeySet: true,
        databasePassword: null,
        batchSize: 200,
        note: 'plain text stays',
      },
      outcome: 'error',
      error: 'could not connect to postgres://admin:hunter2@db.internal:5432/finance',
    });
    const expected = {
      password: '***',
      weaviateApiKey: '***',
      nested: { client_secret: '***', API_KEY: '***', accessToken: '***', list: [{ dbPassword: '***', ok: 1 }] },
      databaseUrl: 'postgresql://admin:***@db.internal:5432/finance',
      weaviateApiKeySet: true,
      databasePassword: null,
      batchSize: 200,
      note: 'plain text stays',
    };
    expect(e.params).toEqual(expected);
    expect(e.error).toBe('could not connect to postgres://admin:***@db.internal:5432/finance');

    // What is on disk, read with a separate connection, holds none of the secrets.
    store.close();
    const raw = new Database(file, { readonly: true });
    const onDisk = JSON.stringify(raw.prepare('SELECT * FROM audit_log').all());
    raw.close();
    for (const secret of ['hunter2', 'wk-123', 's3cr%40t', '"t"', '"p"']) expect(onDisk).not.toContain(secret);
    store = openStore(file, { now: () => clock });
  });

  it('stores params that JSON cannot hold as something readable rather than failing', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const e = store.audit.record({
      actor: 'alice',
      action: 'odd',
      params: { big: 10n ** 20n, when: new Date('2026-01-01T00:00:00Z'), skip: undefined, fn: () => 1, inf: Infinity, cyclic },
      outcome: 'ok',
    });
    expect(e.params).toEqual({
      big: '100000000000000000000',
      when: '2026-01-01T00:00:00.000Z',
      inf: 'Infinity',
      cyclic: { name: 'loop', self: '[…]' },
    });
  });

  it('refuses an entry without actor or action, or with an unknown outcome', () => {
    expect(() => store.audit.record({ actor: '  ', action: 'sync', outcome: 'ok' })).toThrow(/actor/);
    expect(() => store.audit.record({ actor: 'a', action: '', outcome: 'ok' })).toThrow(/action/);
    expect(() => store.audit.record({ actor: 'a', action: 'x', outcome: 'maybe' as 'ok' })).toThrow(/outcome/);
    expect(store.audit.list({}).total).toBe(0);
  });

  it('lists newest first with paging and totals', () => {
    const all = seed();
    const page = store.audit.list({ limit: 3, offset: 2 });
    expect(page.total).toBe(20);
    expect(page.items.map((e) => e.id)).toEqual([all[17].id, all[16].id, all[15].id]);
    expect(store.audit.list({ offset: 19 }).items.map((e) => e.id)).toEqual([all[0].id]);
  });

  it('filters by actor, action, user, outcome and time range, with matching totals', () => {
    const all = seed();
    const ids = (f: Parameters<Store['audit']['list']>[0]) => store.audit.list(f).items.map((e) => e.id);
    const pick = (pred: (i: number) => boolean) => all.map((e, i) => (pred(i) ? e.id : null)).filter((x) => x !== null).reverse();

    expect(ids({ actor: 'bob' })).toEqual(pick((i) => i % 2 === 1));
    expect(ids({ action: 'schema-init' })).toEqual(pick((i) => i % 5 === 0));
    expect(ids({ userId: 'u1' })).toEqual(pick((i) => i % 5 !== 0 && i % 3 === 1));
    expect(ids({ outcome: 'error' })).toEqual(pick((i) => i % 4 === 3));
    expect(ids({ from: minute(5), to: minute(8) })).toEqual(pick((i) => i >= 5 && i <= 8));
    expect(ids({ from: '2026-08-01T12:05:00+02:00', to: '2026-08-01T12:08:00+02:00' })).toEqual(pick((i) => i >= 5 && i <= 8));
    const combined = store.audit.list({ actor: 'bob', outcome: 'error', limit: 2 });
    expect(combined.total).toBe(pick((i) => i % 2 === 1 && i % 4 === 3).length);
    expect(combined.items.map((e) => e.id)).toEqual(pick((i) => i % 2 === 1 && i % 4 === 3).slice(0, 2));
    expect(() => store.audit.list({ outcome: 'fine' as 'ok' })).toThrow(/invalid audit filter/);
  });

  it('iterate yields every match newest first, across chunk boundaries, without paging limits', () => {
    // 1203 entries, some sharing a time, so keyset paging must break ties by id.
    const insert = () =>
      Array.from({ length: 1203 }, (_, i) =>
        store.audit.record({ actor: i % 3 ? 'alice' : 'bob', action: 'sync', outcome: 'ok', time: minute(Math.floor(i / 7)) }).id,
      );
    const ids = insert();
    const got = [...store.audit.iterate({})].map((e) => e.id);
    expect(got).toHaveLength(1203);
    expect(got).toEqual(ids.slice().reverse());
    const bobs = [...store.audit.iterate({ actor: 'bob' })];
    expect(bobs).toHaveLength(401);
    expect(bobs.every((e) => e.actor === 'bob')).toBe(true);
    expect([...store.audit.iterate({ actor: 'carol' })]).toEqual([]);
  });

  it('iterate leaves the connection free between entries (an export can record while it reads)', () => {
    seed();
    const seen: number[] = [];
    for (const entry of store.audit.iterate({})) {
      seen.push(entry.id);
      if (seen.length === 1) store.audit.record({ actor: 'alice', action: 'audit-export', outcome: 'ok', time: minute(59) });
    }
    // The entry recorded mid-export is newer than the cursor, so it is not repeated or mixed in.
    expect(seen).toHaveLength(20);
    expect(store.audit.list({}).total).toBe(21);
  });

  it('has an index for every filter', () => {
    const raw = new Database(file, { readonly: true });
    try {
      for (const col of ['actor', 'action', 'user_id', 'outcome']) {
        const plan = (raw.prepare(`EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE ${col} = 'x' ORDER BY time DESC, id DESC LIMIT 50`).all() as {
          detail: string;
        }[])
          .map((p) => p.detail)
          .join('; ');
        expect(plan, col).toMatch(/USING INDEX/);
        expect(plan, col).not.toMatch(/TEMP B-TREE/);
      }
    } finally {
      raw.close();
    }
  });
});
