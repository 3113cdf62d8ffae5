/** gRPC BatchObjects: upserts by uuid, per-object errors by index, last-wins duplicates, vectors. */
import { beforeEach, describe, expect, it } from 'vitest';
import { useWeaviateDouble } from '../../support/weaviate-double/vitest-hooks';
import { batchObject, rawGrpc } from '../../support/weaviate-double/raw-grpc';

const h = useWeaviateDouble();
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

beforeEach(async () => {
  await h.client.collections.create({
    name: 'Transaction',
    properties: [
      { name: 'user_id', dataType: 'text' },
      { name: 'amount', dataType: 'number' },
      { name: 'count', dataType: 'int' },
      { name: 'category', dataType: 'text[]' },
      { name: 'scores', dataType: 'number[]' },
    ],
  });
});

const tx = () => h.client.collections.get('Transaction');

describe('BatchObjects', () => {
  it('fails only the bad objects, keyed by their index, and stores the rest', async () => {
    const res = await tx().data.insertMany([
      { id: uuid(1), properties: { user_id: 'u', amount: 1 } },
      { id: uuid(2), properties: { user_id: 'u', amount: 'a lot' as unknown as number } },
      { id: uuid(3), properties: { user_id: 'u', count: 2.5 } },
      { id: uuid(4), properties: { user_id: 'u', amount: 4 } },
    ]);
    expect(res.hasErrors).toBe(true);
    expect(Object.keys(res.errors)).toEqual(['1', '2']);
    expect(res.errors[1].message).toMatch(/invalid number property 'amount' on class 'Transaction'/);
    expect(res.errors[2].message).toMatch(/invalid integer property 'count'/);
    expect(Object.values(res.uuids).sort()).toEqual([uuid(1), uuid(4)]);
    expect((await tx().aggregate.overAll()).totalCount).toBe(2);
  });

  it('keeps the last of two objects with the same uuid in one request', async () => {
    const res = await tx().data.insertMany([
      { id: uuid(9), properties: { user_id: 'first' } },
      { id: uuid(9), properties: { user_id: 'second' } },
    ]);
    expect(res.hasErrors).toBe(false);
    expect((await tx().aggregate.overAll()).totalCount).toBe(1);
    expect((await tx().query.fetchObjectById(uuid(9)))?.properties.user_id).toBe('second');
  });

  it('replaces an existing object on upsert, dropping properties it no longer has', async () => {
    await tx().data.insertMany([{ id: uuid(5), properties: { user_id: 'u', amount: 5, category: ['a', 'b'] } }]);
    await tx().data.insertMany([{ id: uuid(5), properties: { user_id: 'v' } }]);
    const obj = await tx().query.fetchObjectById(uuid(5));
    expect(obj?.properties).toEqual({ user_id: 'v', amount: undefined, count: undefined, category: undefined, scores: undefined });
    const filtered = await tx().query.fetchObjects({ filters: tx().filter.byProperty('user_id').equal('u') });
    expect(filtered.objects).toHaveLength(0);
  });

  it('stores number arrays, empty arrays and vectors from vector_bytes', async () => {
    await tx().data.insertMany([
      { id: uuid(6), properties: { user_id: 'u', scores: [1.5, 2.25], category: [] }, vectors: [0.1, 0.2, 0.3] },
    ]);
    const obj = await tx().query.fetchObjectById(uuid(6), { includeVector: true });
    expect(obj?.properties.scores).toEqual([1.5, 2.25]);
    expect(obj?.properties.category).toEqual([]);
    expect((obj?.vectors.default as number[]).map((v) => Math.round(v * 100) / 100)).toEqual([0.1, 0.2, 0.3]);
  });

  it('refuses a vector whose length differs from the vectors already stored', async () => {
    await tx().data.insertMany([{ id: uuid(1), properties: {}, vectors: [1, 0] }]);
    const res = await tx().data.insertMany([{ id: uuid(2), properties: {}, vectors: [1, 0, 0] }]);
    expect(res.errors[0].message).toMatch(/new node has a vector with length 3. Existing nodes have vectors with length 2/);
  });

  it('reports a malformed uuid as an error of that object only (raw gRPC)', async () => {
    const grpc = rawGrpc(h.double);
    try {
      const reply = await grpc.client.batchObjects({ objects: [batchObject('Transaction', uuid(1), { user_id: 'u' }), batchObject('Transaction', 'bad-uuid', {})] });
      expect(reply.errors).toEqual([{ index: 1, error: 'id in body must be of type uuid: "bad-uuid"' }]);
    } finally {
      grpc.close();
    }
  });

  it('adds unknown properties by auto-schema, like Weaviate', async () => {
    const res = await tx().data.insertMany([{ id: uuid(1), properties: { user_id: 'u', merchant_name: 'Shop' } }]);
    expect(res.hasErrors).toBe(false);
    const cfg = await tx().config.get();
    expect(cfg.properties.find((p) => p.name === 'merchant_name')?.dataType).toBe('text');
  });
});

describe('auto-schema off', () => {
  const strict = useWeaviateDouble({ autoSchema: false });

  it('refuses unknown properties and classes per object', async () => {
    await strict.client.collections.create({ name: 'Account', properties: [{ name: 'name', dataType: 'text' }] });
    const res = await strict.client.collections.get('Account').data.insertMany([{ properties: { name: 'a', extra: 1 } }]);
    expect(res.errors[0].message).toMatch(/no such prop with name 'extra' found in class 'Account'/);
    const missing = await strict.client.collections.get('Nope').data.insertMany([{ properties: { name: 'a' } }]);
    expect(missing.errors[0].message).toMatch(/class 'Nope' not present in schema/);
  });
});
