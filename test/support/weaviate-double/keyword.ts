/**
 * BM25 over the searchable text properties with Weaviate's formula (each term and property scores
 * idf * boost * tf / (tf + k1 * (1 - b + b * len / avgLen)), summed), and hybrid fusion of a keyword
 * and a vector result list (relativeScore: min-max normalised, or ranked: 1/(60+rank)).
 */
import { badRequest } from './errors';
import type { WeaviateClass, WeaviateProperty } from './schema-types';
import { isTextType } from './schema-types';
import type { Shard, StoredObject } from './shard';
import { makeStopwordCheck, tokenize, type Tokenization } from './tokenize';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface KeywordHit {
  obj: StoredObject;
  score: number;
}

function searchableProperties(cls: WeaviateClass, requested: string[]): Array<{ prop: WeaviateProperty; boost: number }> {
  if (requested.length === 0) {
    return cls.properties
      .filter((p) => isTextType(p.dataType[0]) && p.indexSearchable !== false)
      .map((prop) => ({ prop, boost: 1 }));
  }
  return requested.map((raw) => {
    const [name, boostText] = raw.split('^');
    const prop = cls.properties.find((p) => p.name === name);
    if (!prop) throw badRequest(`property "${name}" not found in class ${cls.class}`);
    if (!isTextType(prop.dataType[0]) || prop.indexSearchable === false) {
      throw badRequest(`property "${name}" is not indexed for keyword search (indexSearchable is off or it is not text)`);
    }
    return { prop, boost: boostText ? Number(boostText) : 1 };
  });
}

function docTokens(obj: StoredObject, prop: WeaviateProperty): string[] {
  const v = obj.properties[prop.name];
  if (v === null || v === undefined) return [];
  const tokenization = (prop.tokenization ?? 'word') as Tokenization;
  return (Array.isArray(v) ? v : [v]).flatMap((x) => tokenize(String(x), tokenization));
}

/** Scores every candidate matching the query; `allowed` (filter result) restricts the candidates. */
export function bm25(
  cls: WeaviateClass,
  shard: Shard,
  query: string,
  requestedProps: string[],
  allowed: Set<number> | null,
  operator?: { operator: number; minimumOrTokensMatch?: number },
): KeywordHit[] {
  const props = searchableProperties(cls, requestedProps);
  const isStopword = makeStopwordCheck(cls.invertedIndexConfig.stopwords);
  const { k1, b } = cls.invertedIndexConfig.bm25;
  const queryTokens = new Map<string, Array<{ prop: WeaviateProperty; boost: number }>>();
  // A token repeated in the query counts that many times (Weaviate's "duplicate text boost").
  const duplicates = new Map<string, number>();
  for (const p of props) {
    const tokenization = (p.prop.tokenization ?? 'word') as Tokenization;
    const seen = new Map<string, number>();
    for (const t of tokenize(query, tokenization)) {
      if (tokenization === 'word' && isStopword(t)) continue;
      seen.set(t, (seen.get(t) ?? 0) + 1);
    }
    for (const [t, count] of seen) {
      const list = queryTokens.get(t) ?? [];
      list.push(p);
      queryTokens.set(t, list);
      duplicates.set(t, Math.max(duplicates.get(t) ?? 0, count));
    }
  }
  if (queryTokens.size === 0) return [];
  // Candidates: documents holding at least one query token in a searched property.
  const postingsPerToken = new Map<string, Set<number>>();
  for (const [token, ps] of queryTokens) {
    const docs = new Set<number>();
    for (const { prop } of ps) for (const d of shard.index(prop.name).postings.get(token) ?? []) docs.add(d);
    postingsPerToken.set(token, docs);
  }
  const candidates = new Set<number>();
  for (const docs of postingsPerToken.values()) for (const d of docs) if (!allowed || allowed.has(d)) candidates.add(d);
  const avgLen = new Map<string, number>();
  for (const { prop } of props) {
    const key = `bm25-avg-len:${prop.name}:${prop.tokenization ?? 'word'}`;
    const cached = shard.statsCache.get(key);
    if (cached && cached.version === shard.version) {
      avgLen.set(prop.name, cached.value);
      continue;
    }
    let total = 0;
    let count = 0;
    for (const obj of shard.byDoc.values()) {
      const n = docTokens(obj, prop).length;
      if (n > 0) {
        total += n;
        count += 1;
      }
    }
    const value = count === 0 ? 1 : total / count;
    shard.statsCache.set(key, { version: shard.version, value });
    avgLen.set(prop.name, value);
  }
  // idf per token from the average document frequency over the properties holding it, and the
  // shard's object count, as Weaviate's block-max BM25 computes it (terms.Idf).
  const total = shard.size;
  const idf = new Map<string, number>();
  for (const [token, ps] of queryTokens) {
    const frequencies = ps.map(({ prop }) => shard.index(prop.name).postings.get(token)?.size ?? 0).filter((f) => f > 0);
    if (frequencies.length === 0) continue;
    const df = Math.floor(frequencies.reduce((a, f) => a + f, 0) / frequencies.length);
    const objects = Math.max(total, df);
    idf.set(token, Math.log(1 + (objects - df + 0.5) / (df + 0.5)) * (duplicates.get(token) ?? 1));
  }
  const hits: KeywordHit[] = [];
  const andMode = operator?.operator === 2;
  const minMatch = operator?.operator === 1 ? (operator.minimumOrTokensMatch ?? 1) : 1;
  for (const docId of candidates) {
    const obj = shard.byDoc.get(docId)!;
    let score = 0;
    let matched = 0;
    for (const [token, ps] of queryTokens) {
      let tokenMatched = false;
      for (const { prop, boost } of ps) {
        const tokens = docTokens(obj, prop);
        const tf = tokens.filter((t) => t === token).length;
        if (tf === 0) continue;
        tokenMatched = true;
        // Each (term, property) pair scores on its own and the scores add up (terms.go Score).
        const norm = k1 * (1 - b + (b * tokens.length) / avgLen.get(prop.name)!);
        score += idf.get(token)! * boost * (tf / (tf + norm));
      }
      if (tokenMatched) matched += 1;
    }
    if (andMode && matched < queryTokens.size) continue;
    if (matched < minMatch) continue;
    hits.push({ obj, score });
  }
  hits.sort((x, y) => y.score - x.score || x.obj.docId - y.obj.docId);
  return hits;
}

export interface FusedHit {
  obj: StoredObject;
  score: number;
  explain: string;
}

/** Hybrid fusion. `vectorHits` are ordered by ascending distance. */
export function fuse(
  keyword: KeywordHit[],
  vectorHits: Array<{ obj: StoredObject; distance: number }>,
  alpha: number,
  fusionType: number,
): FusedHit[] {
  const out = new Map<string, FusedHit>();
  const add = (obj: StoredObject, score: number, part: string): void => {
    const hit = out.get(obj.id) ?? { obj, score: 0, explain: '' };
    hit.score += score;
    hit.explain += `${hit.explain ? ', ' : ''}${part}`;
    out.set(obj.id, hit);
  };
  const ranked = fusionType === 1;
  if (ranked) {
    keyword.forEach((h, rank) => add(h.obj, (1 - alpha) / (60 + rank), `keyword rank ${rank}`));
    vectorHits.forEach((h, rank) => add(h.obj, alpha / (60 + rank), `vector rank ${rank}`));
  } else {
    const norm = (values: number[]): ((v: number) => number) => {
      const max = Math.max(...values);
      const min = Math.min(...values);
      return (v) => (max === min ? 1 : (v - min) / (max - min));
    };
    const kw = norm(keyword.map((h) => h.score));
    keyword.forEach((h) => add(h.obj, (1 - alpha) * kw(h.score), `keyword ${h.score.toFixed(4)}`));
    // Smaller distance = better, so the distance scale is inverted before normalising.
    const vec = norm(vectorHits.map((h) => -h.distance));
    vectorHits.forEach((h) => add(h.obj, alpha * vec(-h.distance), `vector distance ${h.distance.toFixed(4)}`));
  }
  return [...out.values()].sort((x, y) => y.score - x.score || x.obj.docId - y.obj.docId);
}

/** Used to refuse keyword work on a class with nothing searchable, the way Weaviate answers. */
export function hasSearchable(cls: WeaviateClass): boolean {
  return cls.properties.some((p) => isTextType(p.dataType[0]) && p.indexSearchable !== false);
}

