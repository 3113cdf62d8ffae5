/**
 * `npx tsx test/support/weaviate-double/measure.ts` — the numbers quoted in README.md: ingest rate of
 * 1,000-object batches through weaviate-client and over raw gRPC, and filtered reads over 100,000
 * objects. A measurement script, not a test: nothing here asserts on time.
 */
import { performance } from 'node:perf_hooks';
import { connectToDouble } from './client';
import { startWeaviateDouble } from './index';
import { batchObject, rawGrpc } from './raw-grpc';

const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const row = (i: number) => ({
  transaction_id: `t${i}`,
  user_id: `user_${i % 1000}`,
  amount: (i % 500) + 0.99,
  pending: i % 7 === 0,
  category: ['Food and Drink', i % 2 ? 'Restaurants' : 'Groceries'],
  name: `Purchase number ${i}`,
});

async function main(): Promise<void> {
  const double = await startWeaviateDouble();
  const client = await connectToDouble(double);
  const col = await client.collections.create({
    name: 'Transaction',
    properties: [
      { name: 'transaction_id', dataType: 'text' },
      { name: 'user_id', dataType: 'text' },
      { name: 'amount', dataType: 'number' },
      { name: 'pending', dataType: 'boolean' },
      { name: 'category', dataType: 'text[]' },
      { name: 'name', dataType: 'text' },
    ],
  });

  const clientBatches = 5;
  let t = performance.now();
  for (let b = 0; b < clientBatches; b++) {
    const res = await col.data.insertMany(Array.from({ length: 1000 }, (_, i) => ({ id: uuid(b * 1000 + i), properties: row(b * 1000 + i) })));
    if (res.hasErrors) throw new Error('client batch failed');
  }
  const clientRate = (clientBatches * 1000) / ((performance.now() - t) / 1000);

  const grpc = rawGrpc(double);
  t = performance.now();
  for (let b = 0; b < 100; b++) {
    const objects = Array.from({ length: 1000 }, (_, i) => batchObject('Transaction', uuid(b * 1000 + i), row(b * 1000 + i)));
    const reply = await grpc.client.batchObjects({ objects });
    if (reply.errors.length > 0) throw new Error(reply.errors[0].error);
  }
  const rawRate = 100_000 / ((performance.now() - t) / 1000);

  const timeIt = async (fn: () => Promise<unknown>, n = 20): Promise<number> => {
    await fn();
    const start = performance.now();
    for (let i = 0; i < n; i++) await fn();
    return (performance.now() - start) / n;
  };
  const byUser = (i: number) => col.filter.byProperty('user_id').equal(`user_${i % 1000}`);
  let k = 0;
  const fetchMs = await timeIt(() => col.query.fetchObjects({ filters: byUser(k++), limit: 500 }));
  const countMs = await timeIt(() => col.aggregate.overAll({ filters: byUser(k++) }));
  const rangeMs = await timeIt(() => col.aggregate.overAll({ filters: col.filter.byProperty('amount').lessThan(100) }));
  const deleteMs = await timeIt(() => col.data.deleteMany(byUser(k++)), 5);

  console.log(JSON.stringify({
    objects: (await col.aggregate.overAll()).totalCount,
    ingestThroughClientObjectsPerSecond: Math.round(clientRate),
    ingestRawGrpcObjectsPerSecond: Math.round(rawRate),
    filteredFetch100of100kMs: +fetchMs.toFixed(1),
    filteredCount100of100kMs: +countMs.toFixed(1),
    rangeCount20kOf100kMs: +rangeMs.toFixed(1),
    deleteByFilter100of100kMs: +deleteMs.toFixed(1),
  }, null, 2));
  grpc.close();
  await client.close();
  await double.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
