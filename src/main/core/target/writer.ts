/**
 * Batched upserts through the client's gRPC batch API. Weaviate replaces an object whose uuid
 * exists, so deterministic uuids make re-syncs update in place. Weaviate reports per-object errors
 * by position in the batch; those objects are returned as failures, the rest are stored.
 */
import type { WeaviateClient } from 'weaviate-client';
import type { MappedObject } from '../mapping';
import { toWeaviateError, type WeaviateEndpoint } from './errors';

export interface ObjectFailure {
  uuid: string;
  sourceId: string;
  message: string;
}

export interface BatchResult {
  written: number;
  failures: ObjectFailure[];
}

/** Null-valued properties are left out: Weaviate stores an absent property as null. */
function withoutNulls(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(properties)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

export async function upsertBatch(
  client: WeaviateClient,
  ep: WeaviateEndpoint,
  collection: string,
  objects: MappedObject[],
): Promise<BatchResult> {
  if (objects.length === 0) return { written: 0, failures: [] };
  let reply;
  try {
    reply = await client.collections
      .get(collection)
      .data.insertMany(objects.map((o) => ({ id: o.uuid, properties: withoutNulls(o.properties) as never })));
  } catch (err) {
    throw toWeaviateError(err, ep, `write a batch of ${objects.length} objects to ${collection}`);
  }
  const failures: ObjectFailure[] = [];
  for (const [index, error] of Object.entries(reply.errors ?? {})) {
    const o = objects[Number(index)];
    if (!o) continue;
    failures.push({ uuid: o.uuid, sourceId: o.sourceId, message: error.message || 'unknown error' });
  }
  return { written: objects.length - failures.length, failures };
}
