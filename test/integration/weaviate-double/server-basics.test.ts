/** Liveness, meta, nodes and unknown routes over raw HTTP; the gRPC health check through the client. */
import { describe, expect, it } from 'vitest';
import { createChannel, createClient } from 'nice-grpc';
import { healthProto } from '../../support/weaviate-double/proto';
import { useWeaviateDouble } from '../../support/weaviate-double/vitest-hooks';

const h = useWeaviateDouble();

describe('server basics', () => {
  it('answers live and ready with 200', async () => {
    expect((await h.rest('/v1/.well-known/live')).status).toBe(200);
    expect((await h.rest('/v1/.well-known/ready')).status).toBe(200);
  });

  it('reports meta the way the client needs it (version >= 1.29 for gRPC aggregation)', async () => {
    const meta = (await h.rest('/v1/meta')).body;
    expect(meta).toMatchObject({ version: '1.32.0', modules: {} });
    expect(typeof meta.hostname).toBe('string');
    expect(meta.grpcMaxMessageSize).toBeGreaterThan(4 * 1024 * 1024);
  });

  it('reports one healthy node with per-shard object counts when verbose', async () => {
    const col = await h.client.collections.create({ name: 'Tx', properties: [{ name: 'a', dataType: 'text' }] });
    await col.data.insertMany([{ properties: { a: 'x' } }, { properties: { a: 'y' } }]);
    const nodes = await h.client.cluster.nodes({ output: 'verbose' });
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ status: 'HEALTHY', version: '1.32.0', stats: { objectCount: 2, shardCount: 1 } });
    expect((await h.client.cluster.nodes({ collection: 'Tx', output: 'verbose' }))[0].shards?.[0]).toMatchObject({ class: 'Tx', objectCount: 2 });
  });

  it('answers 404 for an unknown path and 405 for a known path with another method', async () => {
    expect((await h.rest('/v1/nothing-here')).status).toBe(404);
    expect((await h.rest('/v1/meta', { method: 'DELETE' })).status).toBe(405);
  });

  it('answers the gRPC health check with SERVING', async () => {
    const channel = createChannel(`${h.double.host}:${h.double.grpcPort}`);
    try {
      const health = createClient(healthProto.HealthDefinition, channel) as { check(req: object): Promise<{ status: number }> };
      const reply = await health.check({ service: '' });
      expect(reply.status).toBe(healthProto.HealthCheckResponse_ServingStatus.SERVING);
      expect(h.double.calls.count('Health/Check')).toBe(1);
    } finally {
      channel.close();
    }
  });
});
