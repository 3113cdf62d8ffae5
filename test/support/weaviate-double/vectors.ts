/**
 * Vector search helpers: reading the query vector out of the several encodings the client uses,
 * picking the object's vector for a target, and the distances Weaviate defines (cosine = 1 - cos,
 * dot = -dot product, l2-squared, manhattan, hamming).
 */
import { badRequest } from './errors';
import { float32FromBytes } from './grpc-values';
import type { WeaviateClass } from './schema-types';
import type { StoredObject } from './shard';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The query vector and target of a NearVector (or of the vector part of a Hybrid) message. */
export function queryVector(msg: any): { vector: number[]; target?: string } {
  const target: string | undefined = msg.targets?.targetVectors?.[0] ?? msg.targetVectors?.[0];
  if (msg.vectorBytes && msg.vectorBytes.length > 0) return { vector: float32FromBytes(msg.vectorBytes), target };
  if (msg.vector && msg.vector.length > 0) return { vector: [...msg.vector], target };
  if (msg.vectors && msg.vectors.length > 0) {
    const v = msg.vectors[0];
    if (v.type === 2) throw badRequest('multi-vector queries are not supported by this server');
    return { vector: float32FromBytes(v.vectorBytes), target: target ?? (v.name || undefined) };
  }
  if (msg.vectorForTargets && msg.vectorForTargets.length > 0) {
    const v = msg.vectorForTargets[0];
    const bytes = v.vectorBytes?.length ? v.vectorBytes : v.vectors?.[0]?.vectorBytes;
    return { vector: float32FromBytes(bytes), target: v.name };
  }
  const perTarget = Object.entries(msg.vectorPerTarget ?? {});
  if (perTarget.length > 0) return { vector: float32FromBytes(perTarget[0][1] as Uint8Array), target: perTarget[0][0] };
  throw badRequest('nearVector: no vector given');
}

/** Resolves the target vector name ('' for the unnamed vector) and its distance metric. */
export function resolveTarget(cls: WeaviateClass, target: string | undefined): { name: string; distance: string } {
  if (cls.vectorConfig) {
    const names = Object.keys(cls.vectorConfig);
    const name = target ?? (names.length === 1 ? names[0] : undefined);
    if (!name) {
      throw badRequest(`multiple target vectors in class ${cls.class}: specify one of ${names.join(', ')}`);
    }
    const cfg = cls.vectorConfig[name];
    if (!cfg) throw badRequest(`target vector "${name}" not found in class ${cls.class}`);
    return { name, distance: String(cfg.vectorIndexConfig.distance ?? 'cosine') };
  }
  if (target && target !== 'default') {
    throw badRequest(`class ${cls.class} does not have named vectors, but target vector "${target}" was given`);
  }
  return { name: '', distance: String(cls.vectorIndexConfig?.distance ?? 'cosine') };
}

export function objectVector(obj: StoredObject, name: string): number[] | null {
  return name === '' ? obj.vector : (obj.vectors[name] ?? null);
}

export function distance(metric: string, a: number[], b: number[]): number {
  if (a.length !== b.length) {
    throw badRequest(`vector lengths don't match: ${a.length} vs ${b.length}`);
  }
  switch (metric) {
    case 'dot': {
      let dot = 0;
      for (let i = 0; i < a.length; i++) dot += a[i] * b[i];
      return -dot;
    }
    case 'l2-squared': {
      let s = 0;
      for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
      return s;
    }
    case 'manhattan': {
      let s = 0;
      for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
      return s;
    }
    case 'hamming': {
      let s = 0;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) s += 1;
      return s;
    }
    default: {
      let dot = 0;
      let na = 0;
      let nb = 0;
      for (let i = 0; i < a.length; i++) {
        dot += a[i] * b[i];
        na += a[i] * a[i];
        nb += b[i] * b[i];
      }
      if (na === 0 || nb === 0) return 1;
      return 1 - dot / (Math.sqrt(na) * Math.sqrt(nb));
    }
  }
}

/** Weaviate's certainty, defined for cosine only: 1 - distance / 2. */
export const certaintyFromDistance = (d: number): number => 1 - d / 2;
