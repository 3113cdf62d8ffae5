/**
 * Expected vs actual Weaviate collections, and schema init: create what is missing, add missing
 * properties, report type conflicts. Never drops or recreates anything, so it is safe on a live
 * cluster and running it twice changes nothing.
 */
import weaviate, { type WeaviateClient } from 'weaviate-client';
import type {
  CollectionInitReport,
  CollectionStatus,
  PropertyStatus,
  SchemaInitReport,
  SchemaStatus,
} from '../../../shared/domain';
import { COLLECTIONS, type ExpectedCollection } from '../mapping';
import { toWeaviateError, type WeaviateEndpoint } from './errors';

type ActualProperty = { name: string; dataType: string };

/**
 * Identifier properties are matched exactly by the sync's filters (user_id = X). Weaviate's default
 * 'word' tokenization would split "usr_1" into "usr" and "1", so they are created with 'field'.
 */
const FIELD_TOKENIZED = new Set(['transaction_id', 'user_id', 'account_id']);

async function readActual(client: WeaviateClient, name: string): Promise<ActualProperty[] | null> {
  if (!(await client.collections.exists(name))) return null;
  const config = await client.collections.get(name).config.get();
  return config.properties.map((p) => ({ name: p.name, dataType: String(p.dataType) }));
}

function compare(expected: ExpectedCollection, actual: ActualProperty[] | null): PropertyStatus[] {
  const byName = new Map((actual ?? []).map((p) => [p.name, p]));
  const rows: PropertyStatus[] = expected.properties.map((p) => {
    const a = byName.get(p.name);
    if (!a) return { name: p.name, expectedType: p.dataType, actualType: null, state: 'missing' as const };
    return {
      name: p.name,
      expectedType: p.dataType,
      actualType: a.dataType,
      state: a.dataType === p.dataType ? ('ok' as const) : ('conflict' as const),
    };
  });
  const known = new Set(expected.properties.map((p) => p.name));
  for (const a of actual ?? []) {
    if (!known.has(a.name)) rows.push({ name: a.name, expectedType: null, actualType: a.dataType, state: 'extra' });
  }
  return rows;
}

async function countAll(client: WeaviateClient, name: string): Promise<number | null> {
  try {
    const res = await client.collections.get(name).aggregate.overAll();
    return res.totalCount;
  } catch {
    return null; // the count is informative only; the schema status stands without it
  }
}

export async function readSchemaStatus(client: WeaviateClient, ep: WeaviateEndpoint): Promise<SchemaStatus> {
  try {
    const collections: CollectionStatus[] = [];
    for (const expected of COLLECTIONS) {
      const actual = await readActual(client, expected.name);
      collections.push({
        name: expected.name,
        exists: actual !== null,
        properties: compare(expected, actual),
        objectCount: actual === null ? null : await countAll(client, expected.name),
      });
    }
    const inSync = collections.every(
      (c) => c.exists && c.properties.every((p) => p.state === 'ok' || p.state === 'extra'),
    );
    return { collections, inSync };
  } catch (err) {
    throw toWeaviateError(err, ep, 'read the schema');
  }
}

function propertyConfig(p: ExpectedCollection['properties'][number]) {
  return {
    name: p.name,
    dataType: p.dataType,
    ...(FIELD_TOKENIZED.has(p.name) ? { tokenization: 'field' as const } : {}),
  };
}

export async function initSchema(client: WeaviateClient, ep: WeaviateEndpoint): Promise<SchemaInitReport> {
  const reports: CollectionInitReport[] = [];
  for (const expected of COLLECTIONS) {
    try {
      const actual = await readActual(client, expected.name);
      if (actual === null) {
        await client.collections.create({
          name: expected.name,
          description: `Synced from PostgreSQL by Elysia Sync Console (${expected.dataType})`,
          properties: expected.properties.map(propertyConfig) as never,
          // Vectors are computed by the Elysia backend's own pipeline; the console writes none.
          vectorizers: weaviate.configure.vectors.selfProvided(),
        });
        reports.push({ name: expected.name, action: 'created', propertiesAdded: [], conflicts: [] });
        continue;
      }
      const rows = compare(expected, actual);
      const added: string[] = [];
      for (const row of rows.filter((r) => r.state === 'missing')) {
        const p = expected.properties.find((e) => e.name === row.name)!;
        await client.collections.get(expected.name).config.addProperty(propertyConfig(p) as never);
        added.push(p.name);
      }
      const conflicts = rows
        .filter((r) => r.state === 'conflict')
        .map((r) => ({ property: r.name, expected: r.expectedType!, actual: r.actualType! }));
      reports.push({
        name: expected.name,
        action: conflicts.length > 0 ? 'conflicts' : added.length > 0 ? 'properties-added' : 'up-to-date',
        propertiesAdded: added,
        conflicts,
      });
    } catch (err) {
      throw toWeaviateError(err, ep, `initialise the ${expected.name} collection`);
    }
  }
  return { collections: reports };
}
