/**
 * Removes a user's objects that PostgreSQL no longer backs (rows deleted since the last sync, or
 * transactions that fell out of the newest-N window), so that Weaviate holds exactly what the run read.
 *
 * Weaviate refuses a cursor together with a filter and caps offset paging at 10,000
 * (QUERY_MAXIMUM_RESULTS), so a user with more objects than that in one collection is not pruned;
 * the caller logs that instead of guessing.
 */
import type { WeaviateClient } from 'weaviate-client';
import { toWeaviateError, type WeaviateEndpoint } from './errors';

export const PRUNE_SCAN_LIMIT = 10_000;
const PAGE = 1_000;

export type PruneResult = { status: 'done'; deleted: number } | { status: 'too-many'; seen: number };

export async function pruneUserObjects(
  client: WeaviateClient,
  ep: WeaviateEndpoint,
  collection: string,
  userId: string,
  keep: ReadonlySet<string>,
): Promise<PruneResult> {
  try {
    const c = client.collections.get(collection);
    const filter = c.filter.byProperty('user_id').equal(userId);
    const stale: string[] = [];
    let seen = 0;
    for (let offset = 0; ; offset += PAGE) {
      if (offset >= PRUNE_SCAN_LIMIT) return { status: 'too-many', seen };
      const res = await c.query.fetchObjects({
        filters: filter,
        limit: Math.min(PAGE, PRUNE_SCAN_LIMIT - offset),
        offset,
        returnProperties: ['user_id'] as never,
      });
      for (const o of res.objects) {
        seen += 1;
        // Double-check the owner: a collection created with word tokenization matches loosely.
        if ((o.properties as Record<string, unknown>).user_id === userId && !keep.has(o.uuid)) stale.push(o.uuid);
      }
      if (res.objects.length < PAGE) break;
    }
    let deleted = 0;
    for (let i = 0; i < stale.length; i += PAGE) {
      const ids = stale.slice(i, i + PAGE);
      const r = await c.data.deleteMany(c.filter.byId().containsAny(ids));
      deleted += r.successful;
    }
    return { status: 'done', deleted };
  } catch (err) {
    throw toWeaviateError(err, ep, `remove stale ${collection} objects of user ${userId}`);
  }
}
