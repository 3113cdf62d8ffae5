export interface MappedObject {
  /** Deterministic Weaviate object id (see ids.ts). */
  uuid: string;
  /** The PostgreSQL id the object came from (transaction id, account id or user id). */
  sourceId: string;
  /** Keys are exactly the collection's property names. */
  properties: Record<string, unknown>;
  /** Repairs made to odd source values, one line each, naming the row. */
  warnings: string[];
}
