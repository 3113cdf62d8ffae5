/**
 * GET /v1/nodes[/{className}][?output=minimal|verbose]: one healthy node; with output=verbose, its
 * shards (one per class, or per tenant) with object counts, as a single-node Weaviate reports them.
 */
import os from 'node:os';
import type { Database } from './database';
import { notFound } from './errors';
import type { Router } from './rest-router';

export function addNodesRoutes(router: Router, db: Database, version: string): void {
  const nodes = (className: string | undefined, verbose: boolean) => {
    if (className !== undefined && !db.hasClass(className)) throw notFound(`class ${className} not found`);
    const classes = className ? [db.requireClass(className)] : db.listClasses();
    const shards = classes.flatMap((cls) =>
      db.shards(cls.class).map((s) => ({
        name: s.tenant || 'shard0',
        class: cls.class,
        objectCount: s.size,
        vectorIndexingStatus: 'READY',
        vectorQueueLength: 0,
        compressed: false,
        loaded: true,
      })),
    );
    const node: Record<string, unknown> = {
      name: os.hostname(),
      status: 'HEALTHY',
      version,
      gitHash: 'double',
      batchStats: { queueLength: 0, ratePerSecond: 0 },
    };
    if (verbose) {
      node.stats = { shardCount: shards.length, objectCount: shards.reduce((a, s) => a + s.objectCount, 0) };
      node.shards = shards;
    }
    return { status: 200, body: { nodes: [node] } };
  };
  router
    .add('GET', '/v1/nodes', (req) => nodes(undefined, req.query.get('output') === 'verbose'))
    .add('GET', '/v1/nodes/{className}', (req) => nodes(req.params.className, req.query.get('output') === 'verbose'));
}
