/**
 * Property values: checking an incoming value against its property's data type (the messages follow
 * Weaviate's "invalid <type> property '<name>' on class '<Class>': ..." wording) and inferring a type
 * for auto-schema. Stored values are plain JS: strings, numbers, booleans, arrays of those, RFC3339
 * strings for dates, lower-case strings for uuids, plain objects for object/geo/phone.
 */
import { unprocessable } from './errors';
import { isPlainObject } from './schema-defaults';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// RFC3339 as Go's time.Parse(time.RFC3339Nano) accepts it: date, T, time, optional fraction, zone.
const RFC3339_RE = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID_RE.test(v);
export const isRfc3339 = (v: unknown): v is string =>
  typeof v === 'string' && RFC3339_RE.test(v) && !Number.isNaN(Date.parse(v));

/** Go's %T of a decoded JSON value, as Weaviate's messages print it. */
function goType(value: unknown): string {
  if (value === null) return '<nil>';
  if (Array.isArray(value)) return '[]interface {}';
  if (typeof value === 'number') return 'json.Number';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'object') return 'map[string]interface {}';
  return 'string';
}

const LABELS: Record<string, string> = {
  int: 'integer',
  'text[]': 'text array',
  'int[]': 'integer array',
  'number[]': 'number array',
  'boolean[]': 'boolean array',
  'date[]': 'date array',
  'uuid[]': 'uuid array',
};

/** Checks a value against a data type and returns it normalised; 422 with Weaviate's wording otherwise. */
export function coerceValue(className: string, propName: string, dataType: string, value: unknown): unknown {
  const fail = (what: string): never => {
    throw unprocessable(`invalid object: invalid ${LABELS[dataType] ?? dataType} property '${propName}' on class '${className}': ${what}`);
  };
  const scalar = (type: string, v: unknown): unknown => {
    switch (type) {
      case 'text':
        return typeof v === 'string' ? v : fail(`not a string, but ${goType(v)}`);
      case 'number':
        return typeof v === 'number' && Number.isFinite(v) ? v : fail(`requires a float, the given value is '${String(v)}'`);
      case 'int':
        return typeof v === 'number' && Number.isInteger(v) ? v : fail(`requires an integer, the given value is '${String(v)}'`);
      case 'boolean':
        return typeof v === 'boolean' ? v : fail(`not a bool, but ${goType(v)}`);
      case 'date':
        return isRfc3339(v) ? v : fail(`requires a string with a RFC3339 formatted date, but the given value is '${String(v)}'`);
      case 'uuid':
        return isUuid(v) ? v.toLowerCase() : fail(`requires a string of UUID format, but the given value is '${String(v)}'`);
      case 'blob':
        return typeof v === 'string' ? v : fail(`not a string, but ${goType(v)}`);
      case 'geoCoordinates':
        if (!isPlainObject(v)) return fail(`geoCoordinates must be a map, but got: ${goType(v)}`);
        if (typeof v.longitude !== 'number') return fail("geoCoordinates is missing required field 'longitude'");
        if (typeof v.latitude !== 'number') return fail("geoCoordinates is missing required field 'latitude'");
        return { latitude: v.latitude, longitude: v.longitude };
      case 'phoneNumber':
        if (!isPlainObject(v)) return fail(`phoneNumber must be a map, but got: ${goType(v)}`);
        return typeof v.input === 'string' ? v : fail("phoneNumber is missing required field 'input'");
      case 'object':
        return isPlainObject(v) ? v : fail(`not an object, but ${goType(v)}`);
      default:
        return v;
    }
  };
  if (value === null || value === undefined) return null;
  if (/^[A-Z]/.test(dataType)) return value; // cross-reference: kept as given, never filtered on
  if (dataType.endsWith('[]')) {
    if (!Array.isArray(value)) return fail(`not an array, but ${goType(value)}`);
    const inner = dataType.slice(0, -2);
    return value.map((v) => scalar(inner, v));
  }
  return scalar(dataType, value);
}

/** Auto-schema's guess for a property that is not in the class yet (Weaviate's defaults). */
export function inferDataType(value: unknown): string | undefined {
  const scalarType = (v: unknown): string | undefined => {
    if (typeof v === 'string') return isRfc3339(v) ? 'date' : isUuid(v) ? 'uuid' : 'text';
    if (typeof v === 'number') return 'number';
    if (typeof v === 'boolean') return 'boolean';
    if (isPlainObject(v)) {
      if (typeof v.latitude === 'number' && typeof v.longitude === 'number') return 'geoCoordinates';
      return 'object';
    }
    return undefined;
  };
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    const inner = scalarType(value[0]);
    return inner && !['geoCoordinates'].includes(inner) ? `${inner}[]` : undefined;
  }
  return scalarType(value);
}
