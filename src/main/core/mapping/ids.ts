/**
 * Deterministic Weaviate object IDs, derived exactly as the original Python sync did, so collections
 * it already filled are updated in place rather than doubled: md5 of "transaction_<id>",
 * "account_<id>" or "profile_<user_id>", written h[0:8]-h[8:12]-"4"+h[13:16]-h[16:20]-h[20:32].
 * (Only the version nibble is forced; the variant nibble is left as md5 made it, as the original did.)
 */
import { createHash } from 'node:crypto';

export function uuidFromKey(key: string): string {
  const h = createHash('md5').update(key, 'utf8').digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export const transactionUuid = (id: string): string => uuidFromKey(`transaction_${id}`);
export const accountUuid = (id: string): string => uuidFromKey(`account_${id}`);
export const profileUuid = (userId: string): string => uuidFromKey(`profile_${userId}`);
