/**
 * The defaults real Weaviate (1.3x, single node, no modules) fills into a class, in the JSON shapes
 * weaviate-client's config parser requires (it throws when e.g. shardingConfig.key is missing).
 */
import type { InvertedIndexConfig, MultiTenancyConfig, WeaviateClass, WeaviateProperty } from './schema-types';
import { isTextType } from './schema-types';

type Json = Record<string, unknown>;

export function hnswDefaults(): Json {
  return {
    skip: false,
    cleanupIntervalSeconds: 300,
    maxConnections: 32,
    efConstruction: 128,
    ef: -1,
    dynamicEfMin: 100,
    dynamicEfMax: 500,
    dynamicEfFactor: 8,
    vectorCacheMaxObjects: 1_000_000_000_000,
    flatSearchCutoff: 40000,
    distance: 'cosine',
    pq: {
      enabled: false,
      bitCompression: false,
      segments: 0,
      centroids: 256,
      trainingLimit: 100000,
      encoder: { type: 'kmeans', distribution: 'log-normal' },
    },
    bq: { enabled: false },
    sq: { enabled: false, trainingLimit: 100000, rescoreLimit: 20 },
    rq: { enabled: false, bits: 8, rescoreLimit: 20 },
    filterStrategy: 'sweeping',
    multivector: {
      enabled: false,
      muvera: { enabled: false, ksim: 4, dprojections: 16, repetitions: 10 },
      aggregation: 'maxSim',
    },
  };
}

export function flatDefaults(): Json {
  return {
    distance: 'cosine',
    vectorCacheMaxObjects: 1_000_000_000_000,
    pq: { enabled: false, rescoreLimit: -1, cache: false },
    bq: { enabled: false, rescoreLimit: -1, cache: false },
    sq: { enabled: false, rescoreLimit: -1, cache: false },
    rq: { enabled: false, bits: 8, rescoreLimit: -1, cache: false },
  };
}

export function vectorIndexDefaults(type: string): Json {
  if (type === 'flat') return flatDefaults();
  if (type === 'dynamic') return { distance: 'cosine', threshold: 10000, hnsw: hnswDefaults(), flat: flatDefaults() };
  return hnswDefaults();
}

/** Shallow-deep merge: user values win, nested plain objects are merged key by key. */
export function mergeDefaults(defaults: Json, given: Json | undefined): Json {
  const out: Json = { ...defaults };
  for (const [key, value] of Object.entries(given ?? {})) {
    const base = out[key];
    if (isPlainObject(base) && isPlainObject(value)) out[key] = mergeDefaults(base, value);
    else if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

export function isPlainObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function invertedIndexDefaults(given: Partial<InvertedIndexConfig> | undefined): InvertedIndexConfig {
  const merged = mergeDefaults(
    {
      bm25: { b: 0.75, k1: 1.2 },
      cleanupIntervalSeconds: 60,
      stopwords: { preset: 'en', additions: null, removals: null },
      usingBlockMaxWAND: true,
    },
    given as Json,
  ) as InvertedIndexConfig;
  // Weaviate omits the false flags from its JSON (omitempty).
  for (const flag of ['indexTimestamps', 'indexNullState', 'indexPropertyLength'] as const) {
    if (merged[flag] !== true) delete merged[flag];
  }
  return merged;
}

export function multiTenancyDefaults(given: Partial<MultiTenancyConfig> | undefined): MultiTenancyConfig {
  return {
    enabled: given?.enabled === true,
    autoTenantCreation: given?.autoTenantCreation === true,
    autoTenantActivation: given?.autoTenantActivation === true,
  };
}

export function shardingDefaults(multiTenant: boolean, given: Json | undefined): Json {
  if (multiTenant) {
    // A multi-tenant class has one shard per tenant, so the hash sharding fields are empty.
    return {
      virtualPerPhysical: 0,
      desiredCount: 0,
      actualCount: 0,
      desiredVirtualCount: 0,
      actualVirtualCount: 0,
      key: '',
      strategy: '',
      function: '',
    };
  }
  return mergeDefaults(
    {
      virtualPerPhysical: 128,
      desiredCount: 1,
      actualCount: 1,
      desiredVirtualCount: 128,
      actualVirtualCount: 128,
      key: '_id',
      strategy: 'hash',
      function: 'murmur3',
    },
    given,
  );
}

export function replicationDefaults(given: Json | undefined): Json {
  return mergeDefaults({ factor: 1, asyncEnabled: false, deletionStrategy: 'NoAutomatedResolution' }, given);
}

export function propertyDefaults(prop: WeaviateProperty): WeaviateProperty {
  const type = prop.dataType[0];
  const text = isTextType(type);
  const out: WeaviateProperty = {
    ...prop,
    indexFilterable: prop.indexFilterable ?? prop.indexInverted ?? true,
    indexSearchable: prop.indexSearchable ?? (text ? (prop.indexInverted ?? true) : false),
    indexRangeFilters: prop.indexRangeFilters ?? false,
  };
  delete out.indexInverted;
  if (text) out.tokenization = prop.tokenization ?? 'word';
  if (out.moduleConfig && Object.keys(out.moduleConfig).length === 0) delete out.moduleConfig;
  if (out.nestedProperties) out.nestedProperties = out.nestedProperties.map(propertyDefaults);
  return out;
}

/** Fill every default of a validated class body. */
export function classDefaults(body: WeaviateClass): WeaviateClass {
  const multiTenancyConfig = multiTenancyDefaults(body.multiTenancyConfig);
  const out: WeaviateClass = {
    ...body,
    properties: (body.properties ?? []).map(propertyDefaults),
    invertedIndexConfig: invertedIndexDefaults(body.invertedIndexConfig),
    multiTenancyConfig,
    replicationConfig: replicationDefaults(body.replicationConfig),
    shardingConfig: shardingDefaults(multiTenancyConfig.enabled, body.shardingConfig),
  };
  if (out.moduleConfig && Object.keys(out.moduleConfig).length === 0) delete out.moduleConfig;
  if (body.vectorConfig && Object.keys(body.vectorConfig).length > 0) {
    const named: WeaviateClass['vectorConfig'] = {};
    for (const [name, cfg] of Object.entries(body.vectorConfig)) {
      const type = cfg.vectorIndexType || 'hnsw';
      named[name] = {
        vectorizer: cfg.vectorizer && Object.keys(cfg.vectorizer).length > 0 ? cfg.vectorizer : { none: {} },
        vectorIndexType: type,
        vectorIndexConfig: mergeDefaults(vectorIndexDefaults(type), cfg.vectorIndexConfig),
      };
    }
    out.vectorConfig = named;
    delete out.vectorizer;
    delete out.vectorIndexType;
    delete out.vectorIndexConfig;
  } else {
    delete out.vectorConfig;
    const type = body.vectorIndexType || 'hnsw';
    out.vectorizer = body.vectorizer || 'none';
    out.vectorIndexType = type;
    out.vectorIndexConfig = mergeDefaults(vectorIndexDefaults(type), body.vectorIndexConfig);
  }
  return out;
}
