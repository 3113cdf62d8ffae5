/** The reliability hooks: injected gRPC/REST failures, latency, per-object batch failures, outages, counters. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import weaviate from 'weaviate-client';
import { useWeaviateDouble } from '../../support/weaviate-double/vitest-hooks';

const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const h = useWeaviateDouble();

// Runs after the hook's reset (hooks run in the order they are registered).
beforeEach(async () => {
  await h.client.collections.create({ name: 'Account', properties: [{ name: 'user_id', dataType: 'text' }] });
});

const rows = (n: number, offset = 0) =>
  Array.from({ length: n }, (_, i) => ({ id: uuid(offset + i), properties: { user_id: `u${(offset + i) % 2}` } }));

describe('faults', () => {
  it('fails the next BatchObjects call with UNAVAILABLE; the client retries and the data lands', async () => {
    h.double.faults.failNext('BatchObjects', { times: 1, grpcCode: 'UNAVAILABLE' });
    const res = await h.client.collections.get('Account').data.insertMany(rows(10));
    expect(res.hasErrors).toBe(false);
    expect(h.double.calls.count('BatchObjects')).toBe(2);
    expect(h.double.calls.batchSizes()).toEqual([10, 10]);
    expect((await h.client.collections.get('Account').aggregate.overAll()).totalCount).toBe(10);
  });

  it('fails with INTERNAL without a retry, and the error reaches the caller', async () => {
    h.double.faults.failNext('BatchObjects', { grpcCode: 'INTERNAL', message: 'disk on fire' });
    await expect(h.client.collections.get('Account').data.insertMany(rows(3))).rejects.toThrow(/disk on fire/);
    expect(h.double.calls.count('BatchObjects')).toBe(1);
    expect((await h.client.collections.get('Account').aggregate.overAll()).totalCount).toBe(0);
  });

  it('fails Search and Aggregate with DEADLINE_EXCEEDED', async () => {
    const col = h.client.collections.get('Account');
    h.double.faults.failNext('Search', { grpcCode: 'DEADLINE_EXCEEDED' });
    await expect(col.query.fetchObjects()).rejects.toThrow();
    h.double.faults.failNext('Aggregate', { grpcCode: 'DEADLINE_EXCEEDED' });
    await expect(col.aggregate.overAll()).rejects.toThrow();
    expect((await col.aggregate.overAll()).totalCount).toBe(0);
  });

  it('fails only the calls for one collection when asked to', async () => {
    await h.client.collections.create({ name: 'Other', properties: [{ name: 'user_id', dataType: 'text' }] });
    h.double.faults.failNext('Aggregate', { grpcCode: 'INTERNAL', collection: 'Other' });
    expect((await h.client.collections.get('Account').aggregate.overAll()).totalCount).toBe(0);
    await expect(h.client.collections.get('Other').aggregate.overAll()).rejects.toThrow(/injected failure of Aggregate/);
    expect((await h.client.collections.get('Other').aggregate.overAll()).totalCount).toBe(0);
  });

  it('fails chosen objects of a batch with a message while the rest are stored', async () => {
    h.double.faults.failObjects([uuid(2), uuid(5)], 'store is read-only');
    const res = await h.client.collections.get('Account').data.insertMany(rows(8));
    expect(res.hasErrors).toBe(true);
    expect(Object.keys(res.errors).map(Number).sort()).toEqual([2, 5]);
    expect(res.errors[2].message).toBe('store is read-only');
    expect((await h.client.collections.get('Account').aggregate.overAll()).totalCount).toBe(6);
  });

  it('fails REST routes with 503 or 500', async () => {
    h.double.faults.failNext('GET /v1/schema/{className}', { httpStatus: 500, message: 'boom' });
    await expect(h.client.collections.get('Account').config.get()).rejects.toThrow(/500/);
    h.double.faults.failNext('GET /v1/meta');
    const res = await fetch(`${h.double.httpUrl}/v1/meta`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: [{ message: 'injected failure of GET /v1/meta' }] });
    expect((await fetch(`${h.double.httpUrl}/v1/meta`)).status).toBe(200);
  });

  it('adds latency that a client with a short query timeout gives up on', async () => {
    const impatient = await weaviate.connectToCustom({
      httpHost: h.double.host,
      httpPort: h.double.httpPort,
      grpcHost: h.double.host,
      grpcPort: h.double.grpcPort,
      timeout: { query: 1 },
    });
    try {
      h.double.faults.addLatency('Search', 1500);
      await expect(impatient.collections.get('Account').query.fetchObjects()).rejects.toThrow(/timed out/);
      h.double.faults.addLatency('Search', 0);
      await expect(impatient.collections.get('Account').query.fetchObjects()).resolves.toBeDefined();
    } finally {
      await impatient.close();
    }
  });

  it('takes the server down and brings it back on the same ports with the data kept', async () => {
    const col = h.client.collections.get('Account');
    await col.data.insertMany(rows(4));
    const ports = [h.double.httpPort, h.double.grpcPort];
    await h.double.faults.takeDown();
    expect(h.double.faults.isDown).toBe(true);
    await expect(fetch(`${h.double.httpUrl}/v1/.well-known/ready`)).rejects.toThrow();
    await h.double.faults.bringUp();
    expect([h.double.httpPort, h.double.grpcPort]).toEqual(ports);
    expect((await col.aggregate.overAll()).totalCount).toBe(4);
    const res = await col.data.insertMany(rows(2, 4));
    expect(res.hasErrors).toBe(false);
    expect((await col.aggregate.overAll()).totalCount).toBe(6);
  });

  it('lets a batch sent during an outage land once the server is back (client retries UNAVAILABLE)', async () => {
    const col = h.client.collections.get('Account');
    // The client reports each retried attempt through console.warn; that shows the outage was hit.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await h.double.faults.takeDown();
      const pending = col.data.insertMany(rows(3));
      await vi.waitFor(() => expect(warn).toHaveBeenCalled(), { timeout: 10_000, interval: 50 });
      await h.double.faults.bringUp();
      const res = await pending;
      expect(res.hasErrors).toBe(false);
      expect(warn.mock.calls[0][0]).toMatchObject({ code: 14 });
    } finally {
      warn.mockRestore();
    }
    expect((await col.aggregate.overAll()).totalCount).toBe(3);
  });
});

describe('calls', () => {
  it('counts calls per gRPC method and REST route and records batch sizes', async () => {
    h.double.calls.reset();
    const col = h.client.collections.get('Account');
    await col.data.insertMany(rows(5));
    await col.data.insertMany(rows(2, 5));
    await col.aggregate.overAll({ filters: col.filter.byProperty('user_id').equal('u1') });
    await col.config.get();
    expect(h.double.calls.batchSizes()).toEqual([5, 2]);
    expect(h.double.calls.objectsReceived()).toBe(7);
    expect(h.double.calls.count('Aggregate')).toBe(1);
    expect(h.double.calls.count('GET /v1/schema/{className}')).toBe(1);
    expect(h.double.calls.log.find((c) => c.target === 'BatchObjects')?.collection).toBe('Account');
  });
});
