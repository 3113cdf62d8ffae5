/**
 * The one write path for objects (REST insert/replace/merge and gRPC batch): resolve the class
 * (auto-schema creates it when missing, as Weaviate does by default), check and coerce every property
 * against its data type (auto-schema adds unknown properties), check vector dimensions, then store.
 */
import { badRequest, unprocessable } from './errors';
import type { Database } from './database';
import type { StoredObject } from './shard';
import { upperFirst, lowerFirst } from './schema-validation';
import { coerceValue, inferDataType, isUuid } from './values';

export interface WriteInput {
  className: string;
  tenant?: string;
  id: string;
  properties: Record<string, unknown>;
  vector?: number[] | null;
  vectors?: Record<string, number[]>;
}

export function ensureClass(db: Database, rawName: string): string {
  const className = upperFirst(rawName);
  if (db.hasClass(className)) return className;
  if (!db.autoSchema) throw unprocessable(`class '${className}' not present in schema`);
  db.createClass({ class: className, properties: [] });
  return className;
}

function prepareProperties(db: Database, className: string, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [givenName, value] of Object.entries(raw)) {
    const name = lowerFirst(givenName);
    let def = db.requireClass(className).properties.find((p) => p.name === name);
    if (!def) {
      const inferred = inferDataType(value);
      if (value === null || value === undefined) continue;
      if (!db.autoSchema || !inferred) {
        throw unprocessable(`invalid object: no such prop with name '${name}' found in class '${className}' in the schema. Check your schema files for which properties in this class are available`);
      }
      def = db.addProperty(className, { name, dataType: [inferred] });
    }
    const coerced = coerceValue(className, name, def.dataType[0], value);
    // A null is stored as "no value", as Weaviate does (it is not returned and counts as null).
    if (coerced !== null) out[name] = coerced;
  }
  return out;
}

function checkVector(shardDims: Map<string, number>, target: string, vector: number[]): void {
  if (vector.length === 0) return;
  const known = shardDims.get(target);
  if (known !== undefined && known !== vector.length) {
    throw unprocessable(`insert: new node has a vector with length ${vector.length}. Existing nodes have vectors with length ${known}`);
  }
}

/** Stores one object; `mustNotExist` makes an existing id an error (REST single insert). */
export function writeObject(
  db: Database,
  input: WriteInput,
  options: { mustNotExist?: boolean; merge?: boolean; keepCreationTime?: boolean } = {},
): StoredObject {
  if (!isUuid(input.id)) throw unprocessable(`id in body must be of type uuid: "${input.id}"`);
  const id = input.id.toLowerCase();
  const className = ensureClass(db, input.className);
  const shard = db.shard(className, input.tenant || undefined, true);
  const previous = shard.get(id);
  if (options.mustNotExist && previous) throw unprocessable(`id '${id}' already exists`);
  const cls = db.requireClass(className);
  const properties = prepareProperties(db, className, input.properties);
  const named = cls.vectorConfig ? Object.keys(cls.vectorConfig) : [];
  let vector = input.vector && input.vector.length > 0 ? input.vector : null;
  const vectors: Record<string, number[]> = {};
  for (const [name, v] of Object.entries(input.vectors ?? {})) {
    if (v.length === 0) continue;
    if (named.length > 0 && !named.includes(name)) {
      throw unprocessable(`collection ${className} does not have named vector "${name}" configured`);
    }
    if (named.length === 0 && name === 'default') {
      vector = v; // clients send an unnamed vector as "default"
      continue;
    }
    if (named.length === 0) throw unprocessable(`collection ${className} does not have named vectors configured`);
    vectors[name] = v;
  }
  if (vector && named.length > 0) {
    if (named.length === 1) {
      vectors[named[0]] = vector;
      vector = null;
    } else {
      throw badRequest(`collection ${className} is configured with named vectors; an unnamed vector is ambiguous`);
    }
  }
  if (vector) checkVector(shard.dimensions, '', vector);
  for (const [name, v] of Object.entries(vectors)) checkVector(shard.dimensions, name, v);
  const now = Date.now();
  const base = options.merge && previous ? previous : undefined;
  const stored = {
    id,
    className,
    tenant: shard.tenant,
    properties: base ? { ...base.properties, ...properties } : properties,
    vector: vector ?? (base ? base.vector : null),
    vectors: base ? { ...base.vectors, ...vectors } : vectors,
    // Batch writes stamp a fresh creation time even when they replace an object (Weaviate's
    // batch_add.go does); REST PUT and PATCH keep the original one.
    creationTimeUnix: previous && options.keepCreationTime ? previous.creationTimeUnix : now,
    lastUpdateTimeUnix: now,
  };
  shard.put(stored);
  if (stored.vector) shard.dimensions.set('', stored.vector.length);
  for (const [name, v] of Object.entries(stored.vectors)) shard.dimensions.set(name, v.length);
  return shard.get(id)!;
}
