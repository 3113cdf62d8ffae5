/**
 * Reading the value out of a gRPC filter and bringing it to the property's type, as Weaviate's gRPC
 * filter parser does (adapters/handlers/grpc/v1/filters.go) before its validator runs.
 */
import { unprocessable } from './errors';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface ValueSpec {
  scalar?: unknown;
  list?: unknown[];
  kind: string;
}

export function filterValue(f: any): ValueSpec {
  if (f.valueText !== undefined) return { scalar: f.valueText, kind: 'valueText' };
  if (f.valueInt !== undefined) return { scalar: Number(f.valueInt), kind: 'valueInt' };
  if (f.valueNumber !== undefined) return { scalar: f.valueNumber, kind: 'valueNumber' };
  if (f.valueBoolean !== undefined) return { scalar: f.valueBoolean, kind: 'valueBoolean' };
  if (f.valueTextArray) return { list: f.valueTextArray.values, kind: 'valueTextArray' };
  if (f.valueIntArray) return { list: f.valueIntArray.values.map(Number), kind: 'valueIntArray' };
  if (f.valueNumberArray) return { list: f.valueNumberArray.values, kind: 'valueNumberArray' };
  if (f.valueBooleanArray) return { list: f.valueBooleanArray.values, kind: 'valueBooleanArray' };
  if (f.valueGeo) return { scalar: f.valueGeo, kind: 'valueGeo' };
  return { kind: 'none' };
}

const KIND_FOR_TYPE: Record<string, string> = {
  text: 'valueText',
  uuid: 'valueText',
  date: 'valueText',
  int: 'valueInt',
  number: 'valueNumber',
  boolean: 'valueBoolean',
  geoCoordinates: 'valueGeo',
};

/**
 * Brings a filter value to the property's base type the way Weaviate's gRPC layer does: ints and
 * numeric strings are accepted for number properties, integral floats and numeric strings for int
 * properties; anything else must use the value field of the property's type.
 */
export function coerceFilterValue(value: ValueSpec, base: string, type: string): ValueSpec {
  const refuse = (): never => {
    const expected = KIND_FOR_TYPE[base] ?? 'valueText';
    throw unprocessable(`data type filter cannot use "${value.kind.replace('Array', '')}" on type "${type}", use "${expected}" instead`);
  };
  const toNumber = (v: unknown): number => {
    const n = typeof v === 'number' ? v : Number.parseFloat(String(v));
    if (Number.isNaN(n)) throw unprocessable(`expected a number value, but could not parse string '${String(v)}' as float`);
    return n;
  };
  const toInt = (v: unknown): number => {
    const n = toNumber(v);
    if (!Number.isInteger(n)) throw unprocessable(`the value ${n} is not an integer and cannot be used to filter an int property`);
    return n;
  };
  const kind = value.kind.replace('Array', '');
  const map = (fn: (v: unknown) => unknown): ValueSpec =>
    value.list ? { ...value, list: value.list.map(fn) } : { ...value, scalar: fn(value.scalar) };
  if (base === 'number' && ['valueNumber', 'valueInt', 'valueText'].includes(kind)) return map(toNumber);
  if (base === 'int' && ['valueNumber', 'valueInt', 'valueText'].includes(kind)) return map(toInt);
  if (kind !== (KIND_FOR_TYPE[base] ?? 'valueText')) refuse();
  return value;
}

export const ONLY_STOPWORDS =
  'invalid search term, only stopwords provided. Stopwords can be configured in class.invertedIndexConfig.stopwords';
