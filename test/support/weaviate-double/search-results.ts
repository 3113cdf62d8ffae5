/**
 * Building SearchResult messages: the requested properties as `Properties`/`Value`, and the requested
 * metadata (id always; vectors, timestamps, distance/certainty, score only on request or when the
 * search produced them).
 */
import { badRequest } from './errors';
import { encodeValue, float32ToBytes } from './grpc-values';
import type { WeaviateClass, WeaviateProperty } from './schema-types';
import { isReferenceType } from './schema-types';
import { lowerFirst } from './schema-validation';
import type { StoredObject } from './shard';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface Scored {
  obj: StoredObject;
  distance?: number;
  certainty?: number;
  score?: number;
  explainScore?: string;
}

/**
 * The primitive properties a request returns: all but blobs unless it names some (names get a
 * lower-case first letter, unknown names are refused), as Weaviate's request parser does.
 */
export function propertiesToReturn(cls: WeaviateClass, request: any): WeaviateProperty[] {
  const primitive = cls.properties.filter((p) => !isReferenceType(p.dataType[0]));
  if (!request || request.returnAllNonrefProperties) return primitive.filter((p) => p.dataType[0] !== 'blob');
  const names: string[] = request.nonRefProperties ?? [];
  return names.map((raw) => {
    const name = lowerFirst(raw);
    const prop = primitive.find((p) => p.name === name);
    if (!prop) {
      throw badRequest(
        `get property by name ${name} for class ${cls.class}: no such prop with name '${name}' found in class '${cls.class}' in the schema. Check your schema files for which properties in this class are available`,
      );
    }
    return prop;
  });
}

export function buildResult(cls: WeaviateClass, props: WeaviateProperty[], metadata: any, hit: Scored): any {
  const { obj } = hit;
  const fields: Record<string, any> = {};
  for (const prop of props) {
    // Like Weaviate, a requested property the object lacks comes back as an explicit null.
    fields[prop.name] = encodeValue(prop, obj.properties[prop.name]);
  }
  const meta: any = { id: obj.id, vector: [], vectorBytes: new Uint8Array(), vectors: [] };
  if (metadata?.vector) {
    if (cls.vectorConfig) {
      meta.vectors = Object.entries(obj.vectors).map(([name, v]) => ({ name, index: 0, vectorBytes: float32ToBytes(v), type: 1 }));
    } else if (obj.vector) {
      meta.vectorBytes = float32ToBytes(obj.vector);
    }
  } else if (metadata?.vectors?.length) {
    meta.vectors = (metadata.vectors as string[])
      .filter((name) => obj.vectors[name] || (name === 'default' && obj.vector))
      .map((name) => ({ name, index: 0, vectorBytes: float32ToBytes(obj.vectors[name] ?? obj.vector!), type: 1 }));
  }
  if (metadata?.creationTimeUnix) {
    meta.creationTimeUnix = obj.creationTimeUnix;
    meta.creationTimeUnixPresent = true;
  }
  if (metadata?.lastUpdateTimeUnix) {
    meta.lastUpdateTimeUnix = obj.lastUpdateTimeUnix;
    meta.lastUpdateTimeUnixPresent = true;
  }
  if (hit.distance !== undefined && (metadata?.distance || metadata?.certainty)) {
    meta.distance = hit.distance;
    meta.distancePresent = Boolean(metadata?.distance);
  }
  if (hit.certainty !== undefined && metadata?.certainty) {
    meta.certainty = hit.certainty;
    meta.certaintyPresent = true;
  }
  if (hit.score !== undefined && metadata?.score) {
    meta.score = hit.score;
    meta.scorePresent = true;
  }
  if (hit.explainScore !== undefined && metadata?.explainScore) {
    meta.explainScore = hit.explainScore;
    meta.explainScorePresent = true;
  }
  if (metadata?.isConsistent) {
    meta.isConsistent = true;
    meta.isConsistentPresent = true;
  }
  return {
    properties: {
      nonRefProps: { fields },
      refProps: [],
      refPropsRequested: false,
      targetCollection: cls.class,
    },
    metadata: meta,
  };
}
