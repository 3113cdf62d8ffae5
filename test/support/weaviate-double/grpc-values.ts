/**
 * Conversions between the gRPC property shapes and stored JS values: BatchObject properties in
 * (non_ref_properties as a decoded google.protobuf.Struct, typed arrays in their own lists, floats as
 * little-endian float64 bytes), and the `Properties`/`Value` shapes the client decodes on the way out.
 */
import type { WeaviateProperty } from './schema-types';

/* eslint-disable @typescript-eslint/no-explicit-any */

export function float32FromBytes(bytes: Uint8Array | undefined): number[] {
  if (!bytes || bytes.length === 0) return [];
  const buf = Buffer.from(bytes);
  const out: number[] = new Array(buf.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = buf.readFloatLE(i * 4);
  return out;
}

export function float32ToBytes(vector: number[]): Uint8Array {
  const buf = Buffer.alloc(vector.length * 4);
  vector.forEach((v, i) => buf.writeFloatLE(v, i * 4));
  return new Uint8Array(buf);
}

function float64FromBytes(bytes: Uint8Array): number[] {
  const buf = Buffer.from(bytes);
  const out: number[] = new Array(buf.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = buf.readDoubleLE(i * 8);
  return out;
}

function float64ToBytes(values: number[]): Uint8Array {
  const buf = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => buf.writeDoubleLE(v, i * 8));
  return new Uint8Array(buf);
}

function int64ToBytes(values: number[]): Uint8Array {
  const buf = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => buf.writeBigInt64LE(BigInt(Math.trunc(v)), i * 8));
  return new Uint8Array(buf);
}

/** BatchObject.properties (or a nested ObjectPropertiesValue) -> plain JS object. */
export function decodeBatchProperties(props: any): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!props) return out;
  for (const [k, v] of Object.entries(props.nonRefProperties ?? {})) out[k] = v;
  for (const p of props.textArrayProperties ?? []) out[p.propName] = [...p.values];
  for (const p of props.intArrayProperties ?? []) out[p.propName] = p.values.map(Number);
  for (const p of props.booleanArrayProperties ?? []) out[p.propName] = [...p.values];
  for (const p of props.numberArrayProperties ?? []) {
    out[p.propName] = p.valuesBytes && p.valuesBytes.length > 0 ? float64FromBytes(p.valuesBytes) : [...p.values];
  }
  for (const p of props.objectProperties ?? []) out[p.propName] = decodeBatchProperties(p.value);
  for (const p of props.objectArrayProperties ?? []) out[p.propName] = p.values.map(decodeBatchProperties);
  for (const name of props.emptyListProps ?? []) out[name] = [];
  const refs = [...(props.singleTargetRefProps ?? []), ...(props.multiTargetRefProps ?? [])];
  for (const r of refs) out[r.propName] = r.uuids.map((u: string) => ({ beacon: `weaviate://localhost/${u}` }));
  return out;
}

function encodeNested(value: Record<string, unknown>): any {
  const fields: Record<string, any> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'string') fields[k] = { textValue: v };
    else if (typeof v === 'number') fields[k] = { numberValue: v };
    else if (typeof v === 'boolean') fields[k] = { boolValue: v };
    else if (Array.isArray(v)) {
      if (v.every((x) => typeof x === 'string')) fields[k] = { listValue: { textValues: { values: v } } };
      else if (v.every((x) => typeof x === 'number')) fields[k] = { listValue: { numberValues: { values: float64ToBytes(v as number[]) } } };
      else if (v.every((x) => typeof x === 'boolean')) fields[k] = { listValue: { boolValues: { values: v } } };
      else fields[k] = { listValue: { objectValues: { values: v.map((x) => encodeNested(x as Record<string, unknown>)) } } };
    } else fields[k] = { objectValue: encodeNested(v as Record<string, unknown>) };
  }
  return { fields };
}

/** One stored value -> a `Value` message, by the property's data type. */
export function encodeValue(prop: WeaviateProperty | undefined, value: unknown): any {
  const type = prop?.dataType[0] ?? 'text';
  if (value === null || value === undefined) return { nullValue: 0 };
  switch (type) {
    case 'text':
      return { textValue: value };
    case 'int':
      return { intValue: value };
    case 'number':
      return { numberValue: value };
    case 'boolean':
      return { boolValue: value };
    case 'date':
      return { dateValue: value };
    case 'uuid':
      return { uuidValue: value };
    case 'blob':
      return { blobValue: value };
    case 'geoCoordinates':
      return { geoValue: value };
    case 'phoneNumber':
      return { phoneValue: value };
    case 'object':
      return { objectValue: encodeNested(value as Record<string, unknown>) };
    case 'text[]':
      return { listValue: { textValues: { values: value } } };
    case 'int[]':
      return { listValue: { intValues: { values: int64ToBytes(value as number[]) } } };
    case 'number[]':
      return { listValue: { numberValues: { values: float64ToBytes(value as number[]) } } };
    case 'boolean[]':
      return { listValue: { boolValues: { values: value } } };
    case 'date[]':
      return { listValue: { dateValues: { values: value } } };
    case 'uuid[]':
      return { listValue: { uuidValues: { values: value } } };
    case 'object[]':
      return { listValue: { objectValues: { values: (value as Record<string, unknown>[]).map(encodeNested) } } };
    default:
      return { textValue: JSON.stringify(value) };
  }
}
