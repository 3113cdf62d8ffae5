/**
 * weaviate.v1.Weaviate/Search: plain fetch (filters, sort, offset/limit, `after` cursor), nearVector,
 * nearObject, bm25 and hybrid. Result order follows Weaviate: unfiltered listing in UUID order,
 * filtered results in docId order, vector searches by distance, keyword searches by score.
 */
import { badRequest, unprocessable } from './errors';
import type { Database } from './database';
import { FilterEvaluator, docOrder } from './filters';
import { bm25, fuse } from './keyword';
import type { WeaviateClass } from './schema-types';
import { buildResult, propertiesToReturn, type Scored } from './search-results';
import type { Shard, StoredObject } from './shard';
import { isUuid } from './values';
import { certaintyFromDistance, distance, objectVector, queryVector, resolveTarget } from './vectors';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const QUERY_DEFAULTS_LIMIT = 10;
export const QUERY_MAXIMUM_RESULTS = 10_000;

const UNSUPPORTED_SEARCHES = ['nearText', 'nearImage', 'nearAudio', 'nearVideo', 'nearDepth', 'nearThermal', 'nearImu'];

export function search(db: Database, req: any): any {
  const cls = db.requireClass(req.collection);
  const shard = db.shard(cls.class, req.tenant || undefined, false);
  for (const name of UNSUPPORTED_SEARCHES) {
    if (req[name]) throw badRequest(`${name} needs a vectorizer module, and no modules are enabled on this server`);
  }
  if (req.generative) throw badRequest('generative search needs a generative module, and none is enabled on this server');
  if (req.rerank) throw badRequest('rerank needs a reranker module, and none is enabled on this server');
  if (req.groupBy && req.groupBy.path?.length) throw badRequest('groupBy in search is not supported by this server');

  const offset = Number(req.offset ?? 0);
  const limit = Number(req.limit ?? 0) || QUERY_DEFAULTS_LIMIT;
  const hasSort = (req.sortBy ?? []).length > 0;
  const after: string = req.after ?? '';
  if (after !== '') {
    const others = [offset > 0 && 'offset', req.filters && 'where', hasSort && 'sort'].filter(Boolean);
    if (others.length > 0) {
      throw unprocessable(`cursor api: invalid 'after' parameter: ${others.join(',')} cannot be set with after and limit parameters`);
    }
    if (req.nearVector || req.nearObject || req.bm25Search || req.hybridSearch) {
      throw unprocessable("cursor api: invalid 'after' parameter: a search cannot be set with after and limit parameters");
    }
    if (!isUuid(after)) throw unprocessable(`cursor api: invalid 'after' parameter: after parameter '${after}' is not a valid uuid`);
  } else if (offset + limit > QUERY_MAXIMUM_RESULTS) {
    throw unprocessable(
      `query maximum results exceeded: the total limit calculated from the provided offset '${offset}' and limit '${limit}' exceeds the configured value for QUERY_MAXIMUM_RESULTS '${QUERY_MAXIMUM_RESULTS}'. If you've supplied a negative offset or limit, this may be an underflow error`,
    );
  }

  const allowed = req.filters ? new FilterEvaluator(cls, shard).evaluate(req.filters) : null;
  let hits: Scored[];
  if (req.nearVector || req.nearObject) {
    if (hasSort) throw unprocessable('sorting cannot be combined with search');
    hits = nearSearch(cls, shard, req, allowed);
  } else if (req.bm25Search) {
    if (hasSort) throw unprocessable('sorting cannot be combined with search');
    hits = bm25(cls, shard, req.bm25Search.query ?? '', req.bm25Search.properties ?? [], allowed, req.bm25Search.searchOperator).map(
      (h) => ({ obj: h.obj, score: h.score, explainScore: `BM25F score ${h.score}` }),
    );
  } else if (req.hybridSearch) {
    if (hasSort) throw unprocessable('sorting cannot be combined with search');
    hits = hybridSearch(cls, shard, req.hybridSearch, allowed);
  } else if (after !== '') {
    hits = afterCursor(shard, after.toLowerCase(), limit);
  } else {
    hits = plainFetch(cls, shard, allowed, req.sortBy ?? []);
  }

  const page = after !== '' ? hits : hits.slice(offset, offset + limit);
  const props = propertiesToReturn(cls, req.properties);
  return {
    took: 0,
    results: page.map((h) => buildResult(cls, props, req.metadata, h)),
    groupByResults: [],
  };
}

function plainFetch(cls: WeaviateClass, shard: Shard, allowed: Set<number> | null, sortBy: any[]): Scored[] {
  let objs: StoredObject[];
  if (allowed) objs = docOrder(allowed).map((d) => shard.byDoc.get(d)!);
  else objs = shard.uuidOrder().map((id) => shard.get(id)!);
  if (sortBy.length > 0) objs = sortObjects(cls, objs, sortBy);
  return objs.map((obj) => ({ obj }));
}

function afterCursor(shard: Shard, after: string, limit: number): Scored[] {
  const ids = shard.uuidOrder();
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] <= after) lo = mid + 1;
    else hi = mid;
  }
  return ids.slice(lo, lo + limit).map((id) => ({ obj: shard.get(id)! }));
}

function sortKey(obj: StoredObject, path: string, type: string): unknown {
  if (path === '_id' || path === 'id') return obj.id;
  if (path === '_creationTimeUnix') return obj.creationTimeUnix;
  if (path === '_lastUpdateTimeUnix') return obj.lastUpdateTimeUnix;
  const v = obj.properties[path];
  if (v === null || v === undefined) return v;
  // Weaviate's sorter compares text case-insensitively and dates as instants.
  const norm = (x: unknown): unknown =>
    type.startsWith('text') ? String(x).toLowerCase() : type.startsWith('date') ? Date.parse(String(x)) : x;
  return Array.isArray(v) ? v.map(norm) : norm(v);
}

/** Missing values sort first ascending (and so last descending), as in Weaviate's comparators. */
function compareValues(a: unknown, b: unknown): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull && bNull ? 0 : aNull ? -1 : 1;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareValues(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function sortObjects(cls: WeaviateClass, objs: StoredObject[], sortBy: any[]): StoredObject[] {
  const keys = sortBy.map((s) => {
    const path: string = s.path?.[0] ?? '';
    const special = ['_id', 'id', '_creationTimeUnix', '_lastUpdateTimeUnix'].includes(path);
    const prop = cls.properties.find((p) => p.name === path);
    if (!special && !prop) {
      throw unprocessable(`no such prop with name '${path}' found in class '${cls.class}' in the schema. Check your schema files for which properties in this class are available`);
    }
    if (prop && (prop.dataType[0] === 'object' || prop.dataType[0] === 'object[]' || /^[A-Z]/.test(prop.dataType[0]))) {
      throw unprocessable(`sort: property '${path}' of data type ${prop.dataType[0]} cannot be sorted`);
    }
    return { path, type: prop?.dataType[0] ?? '', sign: s.ascending ? 1 : -1 };
  });
  return [...objs].sort((a, b) => {
    for (const k of keys) {
      const c = compareValues(sortKey(a, k.path, k.type), sortKey(b, k.path, k.type));
      if (c !== 0) return c * k.sign;
    }
    return a.docId - b.docId;
  });
}

function vectorHits(
  cls: WeaviateClass,
  shard: Shard,
  vector: number[],
  target: string | undefined,
  allowed: Set<number> | null,
  maxDistance: number | undefined,
): Array<{ obj: StoredObject; distance: number }> {
  const { name, distance: metric } = resolveTarget(cls, target);
  const out: Array<{ obj: StoredObject; distance: number }> = [];
  const source = allowed ? docOrder(allowed).map((d) => shard.byDoc.get(d)!) : shard.byDoc.values();
  for (const obj of source) {
    const v = objectVector(obj, name);
    if (!v) continue;
    const d = distance(metric, vector, v);
    if (maxDistance !== undefined && d > maxDistance) continue;
    out.push({ obj, distance: d });
  }
  out.sort((a, b) => a.distance - b.distance || a.obj.docId - b.obj.docId);
  return out;
}

function nearSearch(cls: WeaviateClass, shard: Shard, req: any, allowed: Set<number> | null): Scored[] {
  const msg = req.nearVector ?? req.nearObject;
  let vector: number[];
  let target: string | undefined;
  if (req.nearObject) {
    target = msg.targets?.targetVectors?.[0] ?? msg.targetVectors?.[0];
    const source = shard.get(String(msg.id).toLowerCase());
    if (!source) throw unprocessable(`nearObject: object with id ${msg.id} not found`);
    const v = objectVector(source, resolveTarget(cls, target).name);
    if (!v) throw unprocessable(`nearObject: object with id ${msg.id} has no vector`);
    vector = v;
  } else {
    ({ vector, target } = queryVector(msg));
  }
  const metric = resolveTarget(cls, target).distance;
  let maxDistance: number | undefined = msg.distance;
  if (msg.certainty !== undefined) {
    if (metric !== 'cosine') throw unprocessable('can\'t compute and return certainty when vector index is configured with a distance other than cosine');
    maxDistance = 2 * (1 - msg.certainty);
  }
  return vectorHits(cls, shard, vector, target, allowed, maxDistance).map((h) => ({
    obj: h.obj,
    distance: h.distance,
    certainty: metric === 'cosine' ? certaintyFromDistance(h.distance) : undefined,
  }));
}

function hybridSearch(cls: WeaviateClass, shard: Shard, h: any, allowed: Set<number> | null): Scored[] {
  const alpha = h.alpha ?? 0.75;
  const keyword = alpha < 1 && h.query ? bm25(cls, shard, h.query, h.properties ?? [], allowed, h.bm25SearchOperator) : [];
  let vectors: Array<{ obj: StoredObject; distance: number }> = [];
  if (alpha > 0) {
    const hasVector = (h.vectorBytes?.length ?? 0) > 0 || (h.vector?.length ?? 0) > 0 || (h.vectors?.length ?? 0) > 0 || h.nearVector;
    if (h.nearText) throw badRequest('hybrid nearText needs a vectorizer module, and none is enabled on this server');
    if (!hasVector) {
      throw badRequest(`hybrid search with alpha > 0 needs a vector: class ${cls.class} has no vectorizer to vectorize the query`);
    }
    const source = h.nearVector && !((h.vectorBytes?.length ?? 0) > 0 || (h.vectors?.length ?? 0) > 0) ? h.nearVector : h;
    const { vector, target } = queryVector({ ...source, targets: source.targets ?? h.targets });
    const maxDistance = h.vectorDistance ?? h.nearVector?.distance;
    vectors = vectorHits(cls, shard, vector, target, allowed, maxDistance);
  }
  return fuse(keyword, vectors, alpha, h.fusionType).map((f) => ({ obj: f.obj, score: f.score, explainScore: f.explain }));
}
