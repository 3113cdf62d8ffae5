/**
 * 100,000 objects: filtered counts, fetches and deletes stay correct at the size the benchmarks use
 * (speed itself is measured by measure.ts, not asserted here). Loaded over raw gRPC to skip the
 * client's per-object serialisation pauses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useWeaviateDouble } from '../../support/weaviate-double/vitest-hooks';
import { batchObject, rawGrpc } from '../../support/weaviate-double/raw-grpc';

const h = useWeaviateDouble({ resetEachTest: false });
const TOTAL = 100_000;
const USERS = 1000;
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

beforeAll(async () => {
  await h.client.collections.create({
    name: 'Transaction',
    properties: [
      { name: 'user_id', dataType: 'text', tokenization: 'field' },
      { name: 'amount', dataType: 'number' },
    ],
  });
  const grpc = rawGrpc(h.double);
  try {
    for (let b = 0; b < TOTAL / 1000; b++) {
      const objects = Array.from({ length: 1000 }, (_, i) => {
        const n = b * 1000 + i;
        return batchObject('Transaction', uuid(n), { user_id: `user_${n % USERS}`, amount: n % 100 });
      });
      const reply = await grpc.client.batchObjects({ objects });
      expect(reply.errors).toEqual([]);
    }
  } finally {
    grpc.close();
  }
}, 120_000);

describe('100,000 objects', () => {
  const tx = () => h.client.collections.get('Transaction');
  const byUser = (u: number) => tx().filter.byProperty('user_id').equal(`user_${u}`);

  it('counts everything and one user', async () => {
    expect((await tx().aggregate.overAll()).totalCount).toBe(TOTAL);
    expect((await tx().aggregate.overAll({ filters: byUser(7) })).totalCount).toBe(TOTAL / USERS);
  });

  it('fetches exactly one user\'s objects', async () => {
    const res = await tx().query.fetchObjects({ filters: byUser(42), limit: 1000, returnProperties: ['user_id'] });
    expect(res.objects).toHaveLength(TOTAL / USERS);
    expect(new Set(res.objects.map((o) => o.properties.user_id))).toEqual(new Set(['user_42']));
  });

  it('counts a range over the whole collection', async () => {
    expect((await tx().aggregate.overAll({ filters: tx().filter.byProperty('amount').lessThan(10) })).totalCount).toBe(TOTAL / 10);
  });

  it('deletes one user by filter and leaves the others', async () => {
    const res = await tx().data.deleteMany(byUser(3));
    expect(res.successful).toBe(TOTAL / USERS);
    expect((await tx().aggregate.overAll({ filters: byUser(3) })).totalCount).toBe(0);
    expect((await tx().aggregate.overAll()).totalCount).toBe(TOTAL - TOTAL / USERS);
  });
});
