/**
 * Evaluates a gRPC `Filters` tree against a shard's inverted indexes and returns the matching docIds.
 * Semantics follow Weaviate: Equal on text matches objects holding every token of the value (under the
 * property's tokenization, stopwords skipped for `word`); NotEqual is "all objects minus Equal";
 * ContainsAny/All/None work per value; IsNull needs indexNullState, len() needs indexPropertyLength,
 * timestamps need indexTimestamps; filtering a property without an inverted index is refused.
 */
import { badRequest, unprocessable } from './errors';
import { coerceFilterValue, filterValue, ONLY_STOPWORDS, type ValueSpec } from './filter-values';
import { baseProto } from './proto';
import type { WeaviateClass, WeaviateProperty } from './schema-types';
import { isTextType } from './schema-types';
import { indexKeys, type Shard, type StoredObject } from './shard';
import { makeStopwordCheck, tokenize, type Tokenization } from './tokenize';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type GrpcFilter = any;

const Op = baseProto.Filters_Operator;
const OP_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(Op).filter(([, v]) => typeof v === 'number').map(([k, v]) => [v, k.replace('OPERATOR_', '')]),
);

type DocSet = Set<number>;

function intersect(a: DocSet, b: DocSet): DocSet {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<number>();
  for (const d of small) if (large.has(d)) out.add(d);
  return out;
}

function union(sets: DocSet[]): DocSet {
  const out = new Set<number>();
  for (const s of sets) for (const d of s) out.add(d);
  return out;
}

function minus(all: Iterable<number>, remove: DocSet): DocSet {
  const out = new Set<number>();
  for (const d of all) if (!remove.has(d)) out.add(d);
  return out;
}

function tokenizeLikePattern(pattern: string, tokenization: Tokenization): string[] {
  switch (tokenization) {
    case 'field':
      return pattern.trim() === '' ? [] : [pattern.trim()];
    case 'whitespace':
      return pattern.split(/\s+/).filter(Boolean);
    case 'lowercase':
      return pattern.toLowerCase().split(/\s+/).filter(Boolean);
    default:
      return pattern.toLowerCase().split(/[^\p{L}\p{N}*?]+/u).filter(Boolean);
  }
}

function likeToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 's');
}

export class FilterEvaluator {
  private readonly isStopword: (t: string) => boolean;

  constructor(
    private readonly cls: WeaviateClass,
    private readonly shard: Shard,
  ) {
    this.isStopword = makeStopwordCheck(cls.invertedIndexConfig.stopwords);
  }

  evaluate(f: GrpcFilter): DocSet {
    const op: number = f.operator;
    if (op === Op.OPERATOR_AND || op === Op.OPERATOR_OR) {
      if (!f.filters || f.filters.length === 0) throw badRequest(`invalid filter: operator ${OP_NAMES[op]} needs operands`);
      const parts = f.filters.map((sub: GrpcFilter) => this.evaluate(sub));
      return op === Op.OPERATOR_AND ? parts.reduce(intersect) : union(parts);
    }
    if (op === Op.OPERATOR_NOT) {
      if (!f.filters || f.filters.length !== 1) throw badRequest('invalid filter: operator Not needs exactly one operand');
      return minus(this.shard.byDoc.keys(), this.evaluate(f.filters[0]));
    }
    if (op === Op.OPERATOR_UNSPECIFIED || OP_NAMES[op] === undefined) {
      throw badRequest(`invalid filter: unknown operator ${op}`);
    }
    const target = f.target ?? {};
    if (target.singleTarget || target.multiTarget || target.count) {
      throw badRequest('filtering by cross-reference is not supported by this server');
    }
    const path: string | undefined = target.property ?? (f.on?.length ? f.on[f.on.length - 1] : undefined);
    if (!path) throw badRequest('invalid filter: no property given to filter on');
    if (path === '_id' || path === 'id') return this.byId(op, f);
    if (path === '_creationTimeUnix' || path === '_lastUpdateTimeUnix') return this.byTimestamp(path, op, f);
    const len = /^len\((.+)\)$/.exec(path);
    if (len) return this.byLength(len[1], op, f);
    return this.byProperty(path, op, f);
  }

  private property(name: string): WeaviateProperty {
    const prop = this.cls.properties.find((p) => p.name === name);
    if (!prop) {
      throw unprocessable(`no such prop with name '${name}' found in class '${this.cls.class}' in the schema. Check your schema files for which properties in this class are available`);
    }
    return prop;
  }

  private byProperty(name: string, op: number, f: GrpcFilter): DocSet {
    const prop = this.property(name);
    const type = prop.dataType[0];
    if (/^[A-Z]/.test(type)) throw badRequest('filtering by cross-reference is not supported by this server');
    const base = type.replace('[]', '');
    const index = this.shard.index(name);
    if (op === Op.OPERATOR_IS_NULL) {
      if (this.cls.invertedIndexConfig.indexNullState !== true) {
        throw unprocessable('Nullstate must be indexed to be filterable! Add `indexNullState: true` to the invertedIndexConfig');
      }
      const { scalar } = filterValue(f);
      return scalar === false ? new Set(index.present) : minus(this.shard.byDoc.keys(), index.present);
    }
    const filterable = prop.indexFilterable !== false || (isTextType(type) && prop.indexSearchable !== false);
    if (!filterable) {
      throw unprocessable(`Filtering by property '${name}' requires inverted index. Is \`indexFilterable\` option of property '${name}' enabled? Set it to \`true\` or leave empty`);
    }
    if (op === Op.OPERATOR_WITHIN_GEO_RANGE) return this.geoRange(name, filterValue(f));
    const value = coerceFilterValue(filterValue(f), base, type);
    const equal = (v: unknown): DocSet => this.equalSet(prop, v);
    switch (op) {
      case Op.OPERATOR_EQUAL:
        return equal(this.single(value, op));
      case Op.OPERATOR_NOT_EQUAL:
        return minus(this.shard.byDoc.keys(), equal(this.single(value, op)));
      case Op.OPERATOR_CONTAINS_ANY: {
        // A stopword-only value is skipped; only when every value is one does Weaviate refuse.
        const parts: DocSet[] = [];
        for (const v of this.list(value)) {
          try {
            parts.push(equal(v));
          } catch (err) {
            if (!(err instanceof Error) || err.message !== ONLY_STOPWORDS) throw err;
          }
        }
        if (parts.length === 0) throw unprocessable(ONLY_STOPWORDS);
        return union(parts);
      }
      case Op.OPERATOR_CONTAINS_ALL: {
        const parts = this.list(value).map(equal);
        return parts.length === 0 ? new Set() : parts.reduce(intersect);
      }
      case Op.OPERATOR_CONTAINS_NONE:
        return minus(this.shard.byDoc.keys(), union(this.list(value).map(equal)));
      case Op.OPERATOR_LIKE: {
        // The pattern is tokenized like the property, wildcards kept; every token must match.
        const tokenization = (prop.tokenization ?? 'word') as Tokenization;
        const patterns = tokenizeLikePattern(String(this.single(value, op)), tokenization);
        if (patterns.length === 0) return new Set();
        const perToken = patterns.map((pattern) => {
          const re = likeToRegExp(pattern);
          const parts: DocSet[] = [];
          for (const [key, docs] of index.postings) if (re.test(String(key))) parts.push(docs);
          return union(parts);
        });
        return perToken.reduce(intersect);
      }
      case Op.OPERATOR_GREATER_THAN:
      case Op.OPERATOR_GREATER_THAN_EQUAL:
      case Op.OPERATOR_LESS_THAN:
      case Op.OPERATOR_LESS_THAN_EQUAL:
        return this.range(prop, op, this.single(value, op));
      default:
        throw badRequest(`operator ${OP_NAMES[op]} is not supported for property '${name}'`);
    }
  }

  private single(value: ValueSpec, op: number): unknown {
    if (value.scalar === undefined) throw badRequest(`invalid filter: operator ${OP_NAMES[op]} needs a single value`);
    return value.scalar;
  }

  private list(value: ValueSpec): unknown[] {
    if (value.list) return value.list;
    if (value.scalar !== undefined) return [value.scalar];
    throw badRequest('invalid filter: Contains operators need a list of values');
  }

  /** The docIds whose property equals (for text: contains every token of) one filter value. */
  private equalSet(prop: WeaviateProperty, v: unknown): DocSet {
    const index = this.shard.index(prop.name);
    const type = prop.dataType[0];
    if (isTextType(type)) {
      const tokenization = (prop.tokenization ?? 'word') as Tokenization;
      let tokens = tokenize(String(v), tokenization);
      if (tokenization === 'word') tokens = tokens.filter((t) => !this.isStopword(t));
      if (tokens.length === 0) throw unprocessable(ONLY_STOPWORDS);
      const sets = tokens.map((t) => index.postings.get(t) ?? new Set<number>());
      return sets.length === 1 ? new Set(sets[0]) : sets.reduce(intersect);
    }
    const [key] = indexKeys({ ...prop, dataType: [type.replace('[]', '')] }, type.startsWith('uuid') ? String(v).toLowerCase() : v);
    return new Set(index.postings.get(key) ?? []);
  }

  private range(prop: WeaviateProperty, op: number, v: unknown): DocSet {
    const index = this.shard.index(prop.name);
    const base = prop.dataType[0].replace('[]', '');
    const bound = base === 'date' ? Date.parse(String(v)) : v;
    if (base === 'date' && Number.isNaN(bound)) throw unprocessable(`invalid date value '${String(v)}' in filter`);
    const test = (k: any): boolean => {
      switch (op) {
        case Op.OPERATOR_GREATER_THAN:
          return k > (bound as any);
        case Op.OPERATOR_GREATER_THAN_EQUAL:
          return k >= (bound as any);
        case Op.OPERATOR_LESS_THAN:
          return k < (bound as any);
        default:
          return k <= (bound as any);
      }
    };
    const parts: DocSet[] = [];
    for (const [key, docs] of index.postings) if (test(key)) parts.push(docs);
    return union(parts);
  }

  private geoRange(name: string, value: ValueSpec): DocSet {
    const geo = value.scalar as { latitude: number; longitude: number; distance: number } | undefined;
    if (!geo) throw badRequest('WithinGeoRange needs a geo value');
    const out = new Set<number>();
    for (const obj of this.shard.byDoc.values()) {
      const p = obj.properties[name] as { latitude: number; longitude: number } | undefined;
      if (p && haversineMeters(p.latitude, p.longitude, geo.latitude, geo.longitude) <= geo.distance) out.add(obj.docId);
    }
    return out;
  }

  private byId(op: number, f: GrpcFilter): DocSet {
    const value = filterValue(f);
    const ids = (value.list ?? [value.scalar]).map((v) => String(v).toLowerCase());
    const docs = new Set<number>();
    for (const id of ids) {
      const obj = this.shard.get(id);
      if (obj) docs.add(obj.docId);
    }
    if (op === Op.OPERATOR_EQUAL || op === Op.OPERATOR_CONTAINS_ANY) return docs;
    if (op === Op.OPERATOR_NOT_EQUAL || op === Op.OPERATOR_CONTAINS_NONE) return minus(this.shard.byDoc.keys(), docs);
    throw badRequest(`operator ${OP_NAMES[op]} is not supported on the object id`);
  }

  private byTimestamp(path: string, op: number, f: GrpcFilter): DocSet {
    if (this.cls.invertedIndexConfig.indexTimestamps !== true) {
      throw unprocessable(`Timestamps must be indexed to be filterable! Add \`IndexTimestamps: true\` to the InvertedIndexConfig in ${this.cls.class}`);
    }
    const toMs = (v: unknown): number => (typeof v === 'number' ? v : /^\d+$/.test(String(v)) ? Number(v) : Date.parse(String(v)));
    const value = filterValue(f);
    const pick = (o: StoredObject): number => (path === '_creationTimeUnix' ? o.creationTimeUnix : o.lastUpdateTimeUnix);
    const wanted = (value.list ?? [value.scalar]).map(toMs);
    const out = new Set<number>();
    for (const obj of this.shard.byDoc.values()) {
      const t = pick(obj);
      let ok: boolean;
      switch (op) {
        case Op.OPERATOR_EQUAL:
        case Op.OPERATOR_CONTAINS_ANY:
          ok = wanted.includes(t);
          break;
        case Op.OPERATOR_NOT_EQUAL:
          ok = !wanted.includes(t);
          break;
        case Op.OPERATOR_GREATER_THAN:
          ok = t > wanted[0];
          break;
        case Op.OPERATOR_GREATER_THAN_EQUAL:
          ok = t >= wanted[0];
          break;
        case Op.OPERATOR_LESS_THAN:
          ok = t < wanted[0];
          break;
        case Op.OPERATOR_LESS_THAN_EQUAL:
          ok = t <= wanted[0];
          break;
        default:
          throw badRequest(`operator ${OP_NAMES[op]} is not supported on ${path}`);
      }
      if (ok) out.add(obj.docId);
    }
    return out;
  }

  private byLength(name: string, op: number, f: GrpcFilter): DocSet {
    if (this.cls.invertedIndexConfig.indexPropertyLength !== true) {
      throw unprocessable(`Property length must be indexed to be filterable! add \`IndexPropertyLength: true\` to the invertedIndexConfig in ${this.cls.class}.  Geo-coordinates, phone numbers and data blobs are not supported by property length.`);
    }
    this.property(name);
    const wanted = Number(filterValue(f).scalar);
    const out = new Set<number>();
    for (const obj of this.shard.byDoc.values()) {
      const v = obj.properties[name];
      const length = v === null || v === undefined ? 0 : Array.isArray(v) ? v.length : String(v).length;
      const ok =
        op === Op.OPERATOR_EQUAL ? length === wanted
        : op === Op.OPERATOR_NOT_EQUAL ? length !== wanted
        : op === Op.OPERATOR_GREATER_THAN ? length > wanted
        : op === Op.OPERATOR_GREATER_THAN_EQUAL ? length >= wanted
        : op === Op.OPERATOR_LESS_THAN ? length < wanted
        : op === Op.OPERATOR_LESS_THAN_EQUAL ? length <= wanted
        : false;
      if (ok) out.add(obj.docId);
    }
    return out;
  }
}

function haversineMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

/** docIds in ascending order: the order Weaviate returns filtered results in. */
export function docOrder(set: DocSet): number[] {
  return [...set].sort((a, b) => a - b);
}
