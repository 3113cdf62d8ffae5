/**
 * The exact calls the sync engine makes, end to end through weaviate-client: create collections,
 * read their config, upsert with fixed uuids, count and fetch per user, delete by filter.
 */
import { describe, expect, it } from 'vitest';
import { useWeaviateDouble } from '../../support/weaviate-double/vitest-hooks';

const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const h = useWeaviateDouble();

async function createTransactions() {
  return h.client.collections.create({
    name: 'Transaction',
    properties: [
      { name: 'transaction_id', dataType: 'text' },
      { name: 'user_id', dataType: 'text' },
      { name: 'amount', dataType: 'number' },
      { name: 'pending', dataType: 'boolean' },
      { name: 'category', dataType: 'text[]' },
    ],
  });
}

describe('sync engine path', () => {
  it('reports a 1.3x version and passes the client health checks', async () => {
    expect(await h.client.isReady()).toBe(true);
    expect(await h.client.isLive()).toBe(true);
    const meta = await h.client.getMeta();
    expect(meta.version).toMatch(/^1\.3\d\.\d+$/);
  });

  it('creates a collection whose config parses with Weaviate defaults', async () => {
    const col = await createTransactions();
    const cfg = await col.config.get();
    expect(cfg.name).toBe('Transaction');
    expect(cfg.vectorizers.default.vectorizer.name).toBe('none');
    expect(cfg.vectorizers.default.indexType).toBe('hnsw');
    expect(cfg.multiTenancy.enabled).toBe(false);
    expect(cfg.replication.factor).toBe(1);
    expect(cfg.sharding.key).toBe('_id');
    const userId = cfg.properties.find((p) => p.name === 'user_id')!;
    expect(userId).toMatchObject({ dataType: 'text', tokenization: 'word', indexFilterable: true, indexSearchable: true });
    const amount = cfg.properties.find((p) => p.name === 'amount')!;
    expect(amount).toMatchObject({ dataType: 'number', indexFilterable: true, indexSearchable: false, indexRangeFilters: false });
    expect(cfg.properties.find((p) => p.name === 'category')!.dataType).toBe('text[]');
    expect(await h.client.collections.exists('Transaction')).toBe(true);
    expect((await h.client.collections.listAll()).map((c) => c.name)).toEqual(['Transaction']);
  });

  it('upserts by uuid, counts and fetches per user, and deletes by filter', async () => {
    const col = await createTransactions();
    const objects = Array.from({ length: 300 }, (_, i) => ({
      id: uuid(i),
      properties: { transaction_id: `t${i}`, user_id: `user${i % 3}`, amount: i + 0.25, pending: i % 2 === 0, category: ['Food', 'Groceries'] },
    }));
    const first = await col.data.insertMany(objects);
    expect(first.hasErrors).toBe(false);
    // Same ids again with new values: updated in place, never duplicated.
    const again = await col.data.insertMany(objects.map((o) => ({ ...o, properties: { ...o.properties, amount: 1 } })));
    expect(again.hasErrors).toBe(false);
    expect((await col.aggregate.overAll()).totalCount).toBe(300);
    const byUser = col.filter.byProperty('user_id').equal('user1');
    expect((await col.aggregate.overAll({ filters: byUser })).totalCount).toBe(100);

    const fetched = await col.query.fetchObjects({ filters: byUser, limit: 1000, returnProperties: ['transaction_id', 'amount', 'category'] });
    expect(fetched.objects).toHaveLength(100);
    expect(fetched.objects[0].properties).toEqual({ transaction_id: 't1', amount: 1, category: ['Food', 'Groceries'] });

    const deleted = await col.data.deleteMany(byUser);
    expect(deleted).toMatchObject({ matches: 100, successful: 100, failed: 0 });
    expect((await col.aggregate.overAll({ filters: byUser })).totalCount).toBe(0);
    expect((await col.aggregate.overAll()).totalCount).toBe(200);
  });

  it('reads one object over REST and over gRPC by id', async () => {
    const col = await createTransactions();
    await col.data.insertMany([{ id: uuid(7), properties: { transaction_id: 't7', user_id: 'u', amount: 7, pending: true, category: [] } }]);
    const res = await fetch(`${h.double.httpUrl}/v1/objects/Transaction/${uuid(7)}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ class: 'Transaction', id: uuid(7), properties: { transaction_id: 't7', amount: 7, pending: true, category: [] } });
    expect(typeof body.creationTimeUnix).toBe('number');
    const byId = await col.query.fetchObjectById(uuid(7));
    expect(byId?.properties.transaction_id).toBe('t7');
    expect((await fetch(`${h.double.httpUrl}/v1/objects/Transaction/${uuid(8)}`)).status).toBe(404);
  });

  it('pages through a collection with the after cursor in uuid order', async () => {
    const col = await createTransactions();
    const ids = [5, 1, 4, 2, 3].map(uuid);
    await col.data.insertMany(ids.map((id) => ({ id, properties: { user_id: 'u' } })));
    const seen: string[] = [];
    for await (const obj of col.iterator()) seen.push(obj.uuid);
    expect(seen).toEqual([...ids].sort());
    const page = await col.query.fetchObjects({ after: uuid(2), limit: 2 });
    expect(page.objects.map((o) => o.uuid)).toEqual([uuid(3), uuid(4)]);
  });
});
