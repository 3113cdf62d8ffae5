/**
 * weaviate.v1.Weaviate/BatchObjects and /BatchDelete. Batch writes are upserts by uuid; a bad object
 * fails alone with an error keyed by its index in the request while the rest are stored; the same
 * uuid twice in one request leaves the last one. Batch deletes need filters, honour dry_run and
 * verbose, and delete at most QUERY_MAXIMUM_RESULTS objects per call, as Weaviate does.
 */
import { badRequest } from './errors';
import type { Database } from './database';
import type { Faults } from './faults';
import { FilterEvaluator, docOrder } from './filters';
import { decodeBatchProperties, float32FromBytes } from './grpc-values';
import { writeObject } from './object-writer';
import { QUERY_MAXIMUM_RESULTS } from './search';

/* eslint-disable @typescript-eslint/no-explicit-any */

function batchVectors(obj: any): { vector: number[] | null; vectors: Record<string, number[]> } {
  let vector: number[] | null = null;
  if (obj.vectorBytes && obj.vectorBytes.length > 0) vector = float32FromBytes(obj.vectorBytes);
  else if (obj.vector && obj.vector.length > 0) vector = [...obj.vector];
  const vectors: Record<string, number[]> = {};
  for (const v of obj.vectors ?? []) {
    if (v.type === 2) throw badRequest('multi-vectors are not supported by this server');
    vectors[v.name || 'default'] = float32FromBytes(v.vectorBytes);
  }
  return { vector, vectors };
}

export function batchObjects(db: Database, faults: Faults, req: any): any {
  const started = Date.now();
  const errors: Array<{ index: number; error: string }> = [];
  (req.objects ?? []).forEach((obj: any, index: number) => {
    try {
      const injected = faults.takeObjectFailure(obj.uuid ?? '');
      if (injected !== undefined) {
        errors.push({ index, error: injected });
        return;
      }
      const { vector, vectors } = batchVectors(obj);
      writeObject(db, {
        className: obj.collection,
        tenant: obj.tenant || undefined,
        id: obj.uuid,
        properties: decodeBatchProperties(obj.properties),
        vector,
        vectors,
      });
    } catch (err) {
      errors.push({ index, error: err instanceof Error ? err.message : String(err) });
    }
  });
  return { took: (Date.now() - started) / 1000, errors };
}

export function batchDelete(db: Database, faults: Faults, req: any): any {
  const started = Date.now();
  const cls = db.requireClass(req.collection);
  if (!req.filters) throw badRequest('batch delete params: no filters in batch delete request');
  const shard = db.shard(cls.class, req.tenant || undefined, true);
  const matchedAll = docOrder(new FilterEvaluator(cls, shard).evaluate(req.filters));
  // Like Weaviate: `matches` counts every match, but one call deletes at most QUERY_MAXIMUM_RESULTS.
  const matched = matchedAll.slice(0, QUERY_MAXIMUM_RESULTS);
  const objects: any[] = [];
  let successful = 0;
  let failed = 0;
  for (const docId of matched) {
    const obj = shard.byDoc.get(docId)!;
    const injected = req.dryRun ? undefined : faults.takeObjectFailure(obj.id);
    if (injected === undefined) {
      if (!req.dryRun) shard.delete(obj.id);
      successful += 1;
    } else {
      failed += 1;
    }
    if (req.verbose) {
      const uuid = new Uint8Array(Buffer.from(obj.id.replace(/-/g, ''), 'hex'));
      objects.push({ uuid, successful: injected === undefined, error: injected ?? '' });
    }
  }
  return {
    took: (Date.now() - started) / 1000,
    failed,
    matches: matchedAll.length,
    successful,
    objects,
  };
}

export function tenantsGet(db: Database, req: any): any {
  const cls = db.requireClass(req.collection);
  const wanted: string[] | undefined = req.names?.values;
  const all = db.listTenants(cls.class);
  const list = wanted ? all.filter((t) => wanted.includes(t.name)) : all;
  const code = { ACTIVE: 7, INACTIVE: 8, OFFLOADED: 9 } as const;
  return { took: 0, tenants: list.map((t) => ({ name: t.name, activityStatus: code[t.activityStatus] })) };
}
