/**
 * REST routes for single objects. Shapes and statuses follow Weaviate: 200 with the stored object on
 * create/replace, 204 on merge and delete (also when the object is missing), 404 without a body on a
 * missing GET, 422 for a malformed id, an existing id on create, or a value of the wrong type.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from './database';
import { DoubleError, notFound, unprocessable } from './errors';
import type { Faults } from './faults';
import { writeObject } from './object-writer';
import type { RestRequest, Router } from './rest-router';
import { isPlainObject } from './schema-defaults';
import { upperFirst } from './schema-validation';
import type { StoredObject } from './shard';
import { isUuid } from './values';

/* eslint-disable @typescript-eslint/no-explicit-any */

export function objectJson(obj: StoredObject, includeVector: boolean): any {
  const out: any = {
    class: obj.className,
    id: obj.id,
    properties: obj.properties,
    creationTimeUnix: obj.creationTimeUnix,
    lastUpdateTimeUnix: obj.lastUpdateTimeUnix,
  };
  if (obj.tenant) out.tenant = obj.tenant;
  if (includeVector) {
    if (obj.vector) out.vector = obj.vector;
    if (Object.keys(obj.vectors).length > 0) out.vectors = obj.vectors;
  }
  return out;
}

function checkId(id: string): string {
  if (!isUuid(id)) throw unprocessable(`id in path must be of type uuid: "${id}"`);
  return id.toLowerCase();
}

function bodyObject(req: RestRequest): any {
  if (!isPlainObject(req.body)) throw unprocessable('request body must be a JSON object');
  return req.body;
}

function numberArray(v: unknown, what: string): number[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) throw unprocessable(`${what} must be an array of numbers`);
  return v as number[];
}

function vectorsOf(body: any): { vector?: number[]; vectors?: Record<string, number[]> } {
  const vectors: Record<string, number[]> = {};
  for (const [name, v] of Object.entries(isPlainObject(body.vectors) ? body.vectors : {})) {
    vectors[name] = numberArray(v, `vectors.${name}`)!;
  }
  return { vector: numberArray(body.vector, 'vector'), vectors };
}

function failInjected(faults: Faults, id: string): void {
  const message = faults.takeObjectFailure(id);
  if (message !== undefined) throw new DoubleError(500, message);
}

export function addObjectRoutes(router: Router, db: Database, faults: Faults): void {
  const find = (className: string, id: string, tenant: string | null): StoredObject | undefined => {
    if (!db.hasClass(className)) return undefined;
    return db.shard(className, tenant || undefined, false).get(id);
  };
  const include = (req: RestRequest): boolean => (req.query.get('include') ?? '').split(',').includes('vector');

  router
    .add('POST', '/v1/objects', (req) => {
      const body = bodyObject(req);
      if (typeof body.class !== 'string' || body.class === '') throw unprocessable('invalid object: class is required');
      const id = body.id === undefined ? randomUUID() : String(body.id);
      if (!isUuid(id)) throw unprocessable(`id in body must be of type uuid: "${id}"`);
      failInjected(faults, id);
      const stored = writeObject(
        db,
        { className: body.class, tenant: body.tenant, id, properties: isPlainObject(body.properties) ? body.properties : {}, ...vectorsOf(body) },
        { mustNotExist: true },
      );
      return { status: 200, body: objectJson(stored, true) };
    })
    .add('GET', '/v1/objects', (req) => {
      const className = req.query.get('class');
      const limit = Number(req.query.get('limit') ?? 25);
      const classes = className ? [upperFirst(className)] : db.listClasses().map((c) => c.class);
      const objects: any[] = [];
      for (const name of classes) {
        if (!db.hasClass(name)) throw notFound(`class ${name} not found`);
        const shard = db.shard(name, req.query.get('tenant') || undefined, false);
        for (const id of shard.uuidOrder()) {
          if (objects.length >= limit) break;
          objects.push(objectJson(shard.get(id)!, include(req)));
        }
      }
      return { status: 200, body: { objects, totalResults: objects.length, deprecations: null } };
    })
    .add('GET', '/v1/objects/{className}/{id}', (req) => {
      const obj = find(req.params.className, checkId(req.params.id), req.query.get('tenant'));
      return obj ? { status: 200, body: objectJson(obj, include(req)) } : { status: 404 };
    })
    .add('HEAD', '/v1/objects/{className}/{id}', (req) => {
      const obj = find(req.params.className, checkId(req.params.id), req.query.get('tenant'));
      return { status: obj ? 204 : 404 };
    })
    .add('PUT', '/v1/objects/{className}/{id}', (req) => {
      const id = checkId(req.params.id);
      const body = bodyObject(req);
      const className = upperFirst(req.params.className);
      if (body.class !== undefined && upperFirst(String(body.class)) !== className) {
        throw unprocessable(`invalid update: field 'class' is immutable`);
      }
      if (body.id !== undefined && String(body.id).toLowerCase() !== id) throw unprocessable(`invalid update: field 'id' is immutable`);
      if (!find(className, id, body.tenant ?? req.query.get('tenant'))) throw notFound(`object ${id} not found`);
      failInjected(faults, id);
      const stored = writeObject(db, {
        className,
        tenant: body.tenant ?? req.query.get('tenant') ?? undefined,
        id,
        properties: isPlainObject(body.properties) ? body.properties : {},
        ...vectorsOf(body),
      }, { keepCreationTime: true });
      return { status: 200, body: objectJson(stored, true) };
    })
    .add('PATCH', '/v1/objects/{className}/{id}', (req) => {
      const id = checkId(req.params.id);
      const body = bodyObject(req);
      const className = upperFirst(req.params.className);
      const tenant = body.tenant ?? req.query.get('tenant') ?? undefined;
      if (!find(className, id, tenant)) throw notFound(`object ${id} not found`);
      failInjected(faults, id);
      writeObject(
        db,
        { className, tenant, id, properties: isPlainObject(body.properties) ? body.properties : {}, ...vectorsOf(body) },
        { merge: true, keepCreationTime: true },
      );
      return { status: 204 };
    })
    .add('DELETE', '/v1/objects/{className}/{id}', (req) => {
      const id = checkId(req.params.id);
      const className = upperFirst(req.params.className);
      if (db.hasClass(className)) db.shard(className, req.query.get('tenant') || undefined, true).delete(id);
      return { status: 204 };
    });
}
