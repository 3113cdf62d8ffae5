/** Aggregate (counts, metrics, groupBy) and BatchDelete (filters required, dry run, verbose, 10,000 cap). */
import { beforeEach, describe, expect, it } from 'vitest';
import { useWeaviateDouble } from '../../support/weaviate-double/vitest-hooks';
import { batchObject, rawGrpc } from '../../support/weaviate-double/raw-grpc';

const h = useWeaviateDouble();
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

beforeEach(async () => {
  const col = await h.client.collections.create({
    name: 'Tx',
    properties: [
      { name: 'user_id', dataType: 'text' },
      { name: 'amount', dataType: 'number' },
      { name: 'visits', dataType: 'int' },
      { name: 'pending', dataType: 'boolean' },
      { name: 'category', dataType: 'text[]' },
    ],
  });
  await col.data.insertMany([
    { id: uuid(1), properties: { user_id: 'u1', amount: 10, visits: 1, pending: true, category: ['Food'] } },
    { id: uuid(2), properties: { user_id: 'u1', amount: 20, visits: 2, pending: false, category: ['Food', 'Coffee'] } },
    { id: uuid(3), properties: { user_id: 'u2', amount: 30, visits: 3, pending: false, category: ['Gas'] } },
    { id: uuid(4), properties: { user_id: 'u3', amount: 60, visits: 3, pending: false } },
  ]);
});

const tx = () => h.client.collections.get('Tx');

describe('Aggregate', () => {
  it('counts with and without filters', async () => {
    expect((await tx().aggregate.overAll()).totalCount).toBe(4);
    expect((await tx().aggregate.overAll({ filters: tx().filter.byProperty('user_id').equal('u1') })).totalCount).toBe(2);
    expect((await tx().aggregate.overAll({ filters: tx().filter.byProperty('user_id').equal('nobody') })).totalCount).toBe(0);
  });

  it('computes number, int, boolean and text metrics', async () => {
    const res = await tx().aggregate.overAll({
      returnMetrics: [
        tx().metrics.aggregate('amount').number(),
        tx().metrics.aggregate('visits').integer(['mode', 'median', 'sum']),
        tx().metrics.aggregate('pending').boolean(),
        tx().metrics.aggregate('category').text(),
      ],
    });
    expect(res.properties.amount).toMatchObject({ count: 4, sum: 120, mean: 30, median: 25, minimum: 10, maximum: 60 });
    expect(res.properties.visits).toMatchObject({ mode: 3, median: 2.5, sum: 9 });
    expect(res.properties.pending).toMatchObject({ count: 4, totalTrue: 1, totalFalse: 3, percentageTrue: 0.25 });
    expect(res.properties.category).toMatchObject({ count: 4, topOccurrences: [{ value: 'Food', occurs: 2 }, { value: 'Coffee', occurs: 1 }, { value: 'Gas', occurs: 1 }] });
  });

  it('groups by a text property, largest group first', async () => {
    const groups = await tx().aggregate.groupBy.overAll({ groupBy: { property: 'user_id' }, returnMetrics: tx().metrics.aggregate('amount').number(['sum']) });
    expect(groups.map((g) => [g.groupedBy.value, g.totalCount, (g.properties.amount as { sum?: number }).sum])).toEqual([
      ['u1', 2, 30],
      ['u2', 1, 30],
      ['u3', 1, 60],
    ]);
  });

  it('refuses an unknown property', async () => {
    await expect(tx().aggregate.overAll({ returnMetrics: tx().metrics.aggregate('nope').number() })).rejects.toThrow(/nope/);
  });
});

describe('BatchDelete', () => {
  it('reports matches without deleting on a dry run', async () => {
    const res = await tx().data.deleteMany(tx().filter.byProperty('user_id').equal('u1'), { dryRun: true });
    expect(res).toMatchObject({ matches: 2, successful: 2, failed: 0 });
    expect((await tx().aggregate.overAll()).totalCount).toBe(4);
  });

  it('lists each deleted object when verbose', async () => {
    const res = await tx().data.deleteMany(tx().filter.byProperty('amount').greaterOrEqual(30), { verbose: true });
    expect(res.successful).toBe(2);
    expect(res.objects?.map((o) => o.id).sort()).toEqual([uuid(3), uuid(4)]);
    expect(res.objects?.every((o) => o.successful)).toBe(true);
    expect((await tx().aggregate.overAll()).totalCount).toBe(2);
  });

  it('reports objects that fail to delete as failed, with their error when verbose', async () => {
    h.double.faults.failObjects(uuid(2), 'shard is read-only');
    const res = await tx().data.deleteMany(tx().filter.byProperty('user_id').equal('u1'), { verbose: true });
    expect(res).toMatchObject({ matches: 2, successful: 1, failed: 1 });
    expect(res.objects?.find((o) => o.id === uuid(2))).toMatchObject({ successful: false, error: 'shard is read-only' });
    expect((await tx().aggregate.overAll()).totalCount).toBe(3);
  });

  it('needs filters (raw gRPC, the client always sends one)', async () => {
    const grpc = rawGrpc(h.double);
    try {
      await expect(grpc.client.batchDelete({ collection: 'Tx' })).rejects.toThrow(/no filters in batch delete request/);
    } finally {
      grpc.close();
    }
  });

  it('deletes at most 10,000 objects per call while reporting every match', async () => {
    const grpc = rawGrpc(h.double);
    try {
      await h.client.collections.create({ name: 'Bulk', properties: [{ name: 'user_id', dataType: 'text' }] });
      const objects = Array.from({ length: 10_050 }, (_, i) => batchObject('Bulk', uuid(1000 + i), { user_id: 'u' }));
      const loaded = await grpc.client.batchObjects({ objects });
      expect(loaded.errors).toEqual([]);
      const bulk = h.client.collections.get('Bulk');
      const first = await bulk.data.deleteMany(bulk.filter.byProperty('user_id').equal('u'));
      expect(first).toMatchObject({ matches: 10_050, successful: 10_000 });
      const second = await bulk.data.deleteMany(bulk.filter.byProperty('user_id').equal('u'));
      expect(second).toMatchObject({ matches: 50, successful: 50 });
      expect((await bulk.aggregate.overAll()).totalCount).toBe(0);
    } finally {
      grpc.close();
    }
  });
});
