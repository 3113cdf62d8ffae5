/** The class document as Weaviate stores and returns it over REST (only the parts the double uses). */
export interface WeaviateProperty {
  name: string;
  dataType: string[];
  description?: string;
  tokenization?: string;
  indexFilterable?: boolean;
  indexSearchable?: boolean;
  indexRangeFilters?: boolean;
  indexInverted?: boolean;
  moduleConfig?: Record<string, unknown>;
  nestedProperties?: WeaviateProperty[];
  [key: string]: unknown;
}

export interface InvertedIndexConfig {
  bm25: { b: number; k1: number };
  cleanupIntervalSeconds: number;
  stopwords: { preset: string; additions: string[] | null; removals: string[] | null };
  indexTimestamps?: boolean;
  indexNullState?: boolean;
  indexPropertyLength?: boolean;
  usingBlockMaxWAND?: boolean;
  [key: string]: unknown;
}

export interface MultiTenancyConfig {
  enabled: boolean;
  autoTenantCreation: boolean;
  autoTenantActivation: boolean;
}

export interface NamedVectorConfig {
  vectorizer: Record<string, unknown>;
  vectorIndexType: string;
  vectorIndexConfig: Record<string, unknown>;
}

export interface WeaviateClass {
  class: string;
  description?: string;
  properties: WeaviateProperty[];
  invertedIndexConfig: InvertedIndexConfig;
  multiTenancyConfig: MultiTenancyConfig;
  replicationConfig: Record<string, unknown>;
  shardingConfig: Record<string, unknown>;
  vectorizer?: string;
  vectorIndexType?: string;
  vectorIndexConfig?: Record<string, unknown>;
  vectorConfig?: Record<string, NamedVectorConfig>;
  moduleConfig?: Record<string, unknown>;
  [key: string]: unknown;
}

export const PRIMITIVE_TYPES = [
  'text',
  'text[]',
  'int',
  'int[]',
  'number',
  'number[]',
  'boolean',
  'boolean[]',
  'date',
  'date[]',
  'uuid',
  'uuid[]',
  'blob',
  'geoCoordinates',
  'phoneNumber',
  'object',
  'object[]',
] as const;

export type PrimitiveType = (typeof PRIMITIVE_TYPES)[number];

export const isTextType = (t: string): boolean => t === 'text' || t === 'text[]';
export const isArrayType = (t: string): boolean => t.endsWith('[]');
export const isReferenceType = (t: string): boolean => /^[A-Z]/.test(t);
