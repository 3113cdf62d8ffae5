/**
 * Class and property validation with Weaviate's rules and its 422 answers: names normalised on the
 * way in (class names capitalised, property names with a lower-case first letter), reserved names,
 * known data types, tokenization only where it means something, no modules for vectorizers.
 */
import { unprocessable } from './errors';
import { MODULE_TOKENIZATIONS, SUPPORTED_TOKENIZATIONS } from './tokenize';
import type { WeaviateClass, WeaviateProperty } from './schema-types';
import { PRIMITIVE_TYPES, isReferenceType, isTextType } from './schema-types';
import { isPlainObject } from './schema-defaults';

const CLASS_NAME = /^[A-Z][_0-9A-Za-z]{0,254}$/;
const PROPERTY_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,230}$/;
const RESERVED_PROPERTIES = new Set(['_additional', '_id', 'id']);
const VECTOR_INDEX_TYPES = new Set(['hnsw', 'flat', 'dynamic']);
const DISTANCES = new Set(['cosine', 'dot', 'l2-squared', 'manhattan', 'hamming']);

export function upperFirst(name: string): string {
  return name.length === 0 ? name : name[0].toUpperCase() + name.slice(1);
}

export function lowerFirst(name: string): string {
  return name.length === 0 ? name : name[0].toLowerCase() + name.slice(1);
}

export function normaliseClassName(raw: unknown): string {
  if (typeof raw !== 'string' || raw === '') throw unprocessable('class name must not be empty');
  const name = upperFirst(raw);
  if (!CLASS_NAME.test(name)) {
    throw unprocessable(`'${raw}' is not a valid class name`);
  }
  return name;
}

/** Validates one property of class `className`; `classExists` resolves cross-reference targets. */
export function normaliseProperty(
  className: string,
  raw: unknown,
  classExists: (name: string) => boolean,
): WeaviateProperty {
  if (!isPlainObject(raw)) throw unprocessable(`class '${className}': property must be an object`);
  const given = raw as WeaviateProperty;
  if (typeof given.name !== 'string' || given.name === '') {
    throw unprocessable(`class '${className}': property name must not be empty`);
  }
  if (!PROPERTY_NAME.test(given.name)) {
    throw unprocessable(
      `'${given.name}' is not a valid property name. Property names in Weaviate are restricted to valid GraphQL names, which must be “/[_A-Za-z][_0-9A-Za-z]{0,230}/”`,
    );
  }
  const name = lowerFirst(given.name);
  if (RESERVED_PROPERTIES.has(name) || RESERVED_PROPERTIES.has(given.name)) {
    throw unprocessable(`'${given.name}' is a reserved property name`);
  }
  if (!Array.isArray(given.dataType) || given.dataType.length === 0) {
    throw unprocessable(`property '${name}': dataType must not be empty`);
  }
  const dataType = given.dataType.map((t) => (t === 'string' ? 'text' : t === 'string[]' ? 'text[]' : String(t)));
  const first = dataType[0];
  if (isReferenceType(first)) {
    for (const target of dataType) {
      if (!classExists(target)) {
        throw unprocessable(`property '${name}': invalid dataType: reference property to nonexistent class '${target}'`);
      }
    }
  } else {
    if (dataType.length > 1) {
      throw unprocessable(`property '${name}': invalid dataType: dataType must have exactly one primitive type`);
    }
    if (!(PRIMITIVE_TYPES as readonly string[]).includes(first)) {
      throw unprocessable(`property '${name}': invalid dataType: '${first}' is not a valid data type`);
    }
  }
  if (given.tokenization !== undefined && given.tokenization !== '') {
    if (!isTextType(first)) {
      throw unprocessable(`tokenization is not allowed for data type '${first}' of property '${name}'`);
    }
    if (MODULE_TOKENIZATIONS.includes(given.tokenization)) {
      throw unprocessable(`the '${given.tokenization}' tokenizer is not enabled on this server`);
    }
    if (!SUPPORTED_TOKENIZATIONS.includes(given.tokenization)) {
      throw unprocessable(`tokenization '${given.tokenization}' is not allowed for data type '${first}'`);
    }
  }
  if (given.indexSearchable === true && !isTextType(first)) {
    throw unprocessable(`'indexSearchable' is not allowed for data type '${first}' of property '${name}'`);
  }
  if (given.indexRangeFilters === true && !['int', 'number', 'date'].includes(first)) {
    throw unprocessable(`'indexRangeFilters' is not allowed for data type '${first}' of property '${name}'`);
  }
  const out: WeaviateProperty = { ...given, name, dataType };
  if (given.tokenization === '') delete out.tokenization;
  return out;
}

function checkVectorizer(owner: string, vectorizer: unknown, enabledModules: ReadonlySet<string>): void {
  const names = typeof vectorizer === 'string' ? [vectorizer] : isPlainObject(vectorizer) ? Object.keys(vectorizer) : [];
  for (const name of names) {
    if (name !== 'none' && !enabledModules.has(name)) {
      throw unprocessable(`${owner}: vectorizer: no module with name "${name}" present`);
    }
  }
}

function checkVectorIndex(owner: string, type: unknown, config: unknown): void {
  if (type !== undefined && type !== '' && !VECTOR_INDEX_TYPES.has(String(type))) {
    throw unprocessable(`${owner}: unrecognized or unsupported vectorIndexType "${String(type)}"`);
  }
  const distance = isPlainObject(config) ? config.distance : undefined;
  if (distance !== undefined && !DISTANCES.has(String(distance))) {
    throw unprocessable(`${owner}: invalid distance metric "${String(distance)}"`);
  }
}

/** Validates a POST /v1/schema body and returns it with normalised names (defaults not yet filled). */
export function validateClassBody(
  raw: unknown,
  classExists: (name: string) => boolean,
  enabledModules: ReadonlySet<string>,
): WeaviateClass {
  if (!isPlainObject(raw)) throw unprocessable('class body must be a JSON object');
  const body = raw as WeaviateClass;
  const name = normaliseClassName(body.class);
  if (classExists(name)) throw unprocessable(`class name ${name} already exists`);
  const seen = new Set<string>();
  const properties: WeaviateProperty[] = [];
  for (const rawProp of (body.properties ?? []) as unknown[]) {
    const prop = normaliseProperty(name, rawProp, (target) => target === name || classExists(target));
    const key = prop.name.toLowerCase();
    if (seen.has(key)) {
      throw unprocessable(`class "${name}": conflict for property "${prop.name}": already in use or provided multiple times`);
    }
    seen.add(key);
    properties.push(prop);
  }
  checkVectorizer(`class '${name}'`, body.vectorizer, enabledModules);
  checkVectorIndex(`class '${name}'`, body.vectorIndexType, body.vectorIndexConfig);
  for (const [vectorName, cfg] of Object.entries(body.vectorConfig ?? {})) {
    checkVectorizer(`class '${name}' target vector '${vectorName}'`, cfg?.vectorizer, enabledModules);
    checkVectorIndex(`class '${name}' target vector '${vectorName}'`, cfg?.vectorIndexType, cfg?.vectorIndexConfig);
  }
  for (const moduleName of Object.keys(body.moduleConfig ?? {})) {
    if (!enabledModules.has(moduleName)) {
      throw unprocessable(`class '${name}': module config: no module with name "${moduleName}" present`);
    }
  }
  if (body.multiTenancyConfig?.enabled && body.shardingConfig && Object.keys(body.shardingConfig).length > 0) {
    const given = body.shardingConfig as Record<string, unknown>;
    if (given.desiredCount !== undefined && given.desiredCount !== 0 && given.desiredCount !== 1) {
      throw unprocessable(`class '${name}': multi-tenancy and a sharding config cannot be combined`);
    }
  }
  return { ...body, class: name, properties };
}
