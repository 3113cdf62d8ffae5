/**
 * Per-user object counts in Weaviate, through filtered aggregate counts (never by fetching objects).
 */
import type { WeaviateClient } from 'weaviate-client';
import { toWeaviateError, type WeaviateEndpoint } from './errors';

export async function countForUser(
  client: WeaviateClient,
  ep: WeaviateEndpoint,
  collection: string,
  userId: string,
): Promise<number> {
  try {
    const c = client.collections.get(collection);
    const res = await c.aggregate.overAll({ filters: c.filter.byProperty('user_id').equal(userId) });
    return res.totalCount;
  } catch (err) {
    throw toWeaviateError(err, ep, `count ${collection} objects of user ${userId}`);
  }
}
