/**
 * weaviate.v1.Weaviate/Aggregate: total count with or without filters, metrics for number/int
 * (count, sum, mean, median, mode, min, max), text (count, top occurrences), boolean and date, and
 * groupBy one property (groups ordered by size, largest first).
 */
import { badRequest, unprocessable } from './errors';
import type { Database } from './database';
import { FilterEvaluator } from './filters';
import type { WeaviateClass } from './schema-types';
import type { StoredObject } from './shard';

/* eslint-disable @typescript-eslint/no-explicit-any */

function values(objs: StoredObject[], prop: string): unknown[] {
  const out: unknown[] = [];
  for (const o of objs) {
    const v = o.properties[prop];
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) out.push(...v);
    else out.push(v);
  }
  return out;
}

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function mode<T>(items: T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  for (const item of items) {
    const c = (counts.get(item) ?? 0) + 1;
    counts.set(item, c);
    if (c > bestCount) {
      best = item;
      bestCount = c;
    }
  }
  return best;
}

function numeric(agg: any, nums: number[], type: string): any {
  const sorted = [...nums].sort((a, b) => a - b);
  const sum = nums.reduce((a, b) => a + b, 0);
  const out: any = {};
  if (agg.count) out.count = nums.length;
  if (agg.type) out.type = type;
  if (nums.length > 0) {
    if (agg.sum) out.sum = sum;
    if (agg.mean) out.mean = sum / nums.length;
    if (agg.median) out.median = median(sorted);
    if (agg.mode) out.mode = mode(nums);
    if (agg.maximum) out.maximum = sorted[sorted.length - 1];
    if (agg.minimum) out.minimum = sorted[0];
  }
  return out;
}

function aggregation(cls: WeaviateClass, objs: StoredObject[], a: any): any {
  const prop = cls.properties.find((p) => p.name === a.property);
  if (!prop) throw unprocessable(`aggregate: no such prop with name '${a.property}' found in class '${cls.class}'`);
  const base = prop.dataType[0].replace('[]', '');
  const vals = values(objs, prop.name);
  if (a.int || a.number) {
    if (base !== 'int' && base !== 'number') throw unprocessable(`aggregate: property '${prop.name}' is not numeric`);
    const key = a.int ? 'int' : 'number';
    return { property: prop.name, [key]: numeric(a.int ?? a.number, vals as number[], prop.dataType[0]) };
  }
  if (a.text) {
    if (base !== 'text') throw unprocessable(`aggregate: property '${prop.name}' is not text`);
    const counts = new Map<string, number>();
    for (const v of vals as string[]) counts.set(v, (counts.get(v) ?? 0) + 1);
    const items = [...counts.entries()]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, a.text.topOccurencesLimit ?? 5)
      .map(([value, occurs]) => ({ value, occurs }));
    const out: any = {};
    if (a.text.count) out.count = vals.length;
    if (a.text.type) out.type = prop.dataType[0];
    if (a.text.topOccurences) out.topOccurences = { items };
    return { property: prop.name, text: out };
  }
  if (a.boolean) {
    if (base !== 'boolean') throw unprocessable(`aggregate: property '${prop.name}' is not boolean`);
    const t = (vals as boolean[]).filter(Boolean).length;
    const f = vals.length - t;
    const out: any = {};
    if (a.boolean.count) out.count = vals.length;
    if (a.boolean.type) out.type = prop.dataType[0];
    if (a.boolean.totalTrue) out.totalTrue = t;
    if (a.boolean.totalFalse) out.totalFalse = f;
    if (a.boolean.percentageTrue) out.percentageTrue = vals.length ? t / vals.length : 0;
    if (a.boolean.percentageFalse) out.percentageFalse = vals.length ? f / vals.length : 0;
    return { property: prop.name, boolean: out };
  }
  if (a.date) {
    if (base !== 'date') throw unprocessable(`aggregate: property '${prop.name}' is not a date`);
    const sorted = (vals as string[]).map((v) => Date.parse(v)).sort((x, y) => x - y);
    const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());
    const out: any = {};
    if (a.date.count) out.count = sorted.length;
    if (a.date.type) out.type = prop.dataType[0];
    if (sorted.length > 0) {
      if (a.date.minimum) out.minimum = iso(sorted[0]);
      if (a.date.maximum) out.maximum = iso(sorted[sorted.length - 1]);
      if (a.date.median) out.median = iso(median(sorted));
      if (a.date.mode) out.mode = iso(mode(sorted));
    }
    return { property: prop.name, date: out };
  }
  if (a.reference) throw badRequest('aggregating cross-references is not supported by this server');
  throw badRequest(`aggregate: no metric requested for property '${prop.name}'`);
}

function groupedByValue(type: string, path: string, value: unknown): any {
  const base = type.replace('[]', '');
  if (base === 'text') return { path: [path], text: value };
  if (base === 'int') return { path: [path], int: value };
  if (base === 'number') return { path: [path], number: value };
  if (base === 'boolean') return { path: [path], boolean: value };
  return { path: [path], text: String(value) };
}

export function aggregate(db: Database, req: any): any {
  const cls = db.requireClass(req.collection);
  const shard = db.shard(cls.class, req.tenant || undefined, false);
  for (const name of ['hybrid', 'nearVector', 'nearObject', 'nearText', 'nearImage', 'nearAudio', 'nearVideo', 'nearDepth', 'nearThermal', 'nearImu']) {
    if (req[name]) throw badRequest(`aggregate with ${name} is not supported by this server`);
  }
  const matched = req.filters ? new FilterEvaluator(cls, shard).evaluate(req.filters) : null;
  if (!req.groupBy && (req.aggregations ?? []).length === 0) {
    // Count only: no need to materialise the objects (keeps counts over 100k objects cheap).
    return { took: 0, singleResult: { objectsCount: req.objectsCount ? (matched ? matched.size : shard.size) : undefined } };
  }
  const objs = matched
    ? [...matched].sort((a, b) => a - b).map((d) => shard.byDoc.get(d)!)
    : [...shard.byDoc.values()];
  const metrics = (group: StoredObject[]): any =>
    (req.aggregations ?? []).length > 0 ? { aggregations: req.aggregations.map((a: any) => aggregation(cls, group, a)) } : undefined;
  if (req.groupBy) {
    const path: string = req.groupBy.property;
    const prop = cls.properties.find((p) => p.name === path);
    if (!prop) throw unprocessable(`aggregate groupBy: no such prop with name '${path}' found in class '${cls.class}'`);
    const groups = new Map<unknown, StoredObject[]>();
    for (const o of objs) {
      const v = o.properties[path];
      if (v === null || v === undefined) continue;
      for (const key of Array.isArray(v) ? v : [v]) {
        const list = groups.get(key) ?? [];
        list.push(o);
        groups.set(key, list);
      }
    }
    let entries = [...groups.entries()].sort((x, y) => y[1].length - x[1].length);
    if (req.limit) entries = entries.slice(0, req.limit);
    return {
      took: 0,
      groupedResults: {
        groups: entries.map(([value, group]) => ({
          objectsCount: req.objectsCount ? group.length : undefined,
          aggregations: metrics(group),
          groupedBy: groupedByValue(prop.dataType[0], path, value),
        })),
      },
    };
  }
  return {
    took: 0,
    singleResult: { objectsCount: req.objectsCount ? objs.length : undefined, aggregations: metrics(objs) },
  };
}
