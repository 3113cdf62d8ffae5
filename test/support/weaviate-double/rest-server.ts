/**
 * The REST side on node:http: routing, Weaviate's error body `{"error":[{"message": ...}]}`, fault
 * injection and call counting per route template.
 */
import http from 'node:http';
import type { Calls } from './calls';
import type { Database } from './database';
import { DoubleError } from './errors';
import type { Faults } from './faults';
import { GRPC_MAX_MESSAGE_SIZE } from './grpc-server';
import { addNodesRoutes } from './rest-nodes';
import { addObjectRoutes } from './rest-objects';
import { Router, readJsonBody } from './rest-router';
import { addSchemaRoutes } from './rest-schema';

export const DOUBLE_WEAVIATE_VERSION = '1.32.0';

export interface RestContext {
  db: Database;
  faults: Faults;
  calls: Calls;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function buildRouter(ctx: RestContext): Router {
  const router = new Router();
  router
    .add('GET', '/v1/.well-known/live', () => ({ status: 200 }))
    .add('GET', '/v1/.well-known/ready', () => ({ status: 200 }))
    .add('GET', '/v1/meta', () => ({
      status: 200,
      body: {
        hostname: 'http://[::]:8080',
        version: DOUBLE_WEAVIATE_VERSION,
        modules: Object.fromEntries([...ctx.db.enabledModules].map((m) => [m, {}])),
        grpcMaxMessageSize: GRPC_MAX_MESSAGE_SIZE,
      },
    }));
  addNodesRoutes(router, ctx.db, DOUBLE_WEAVIATE_VERSION);
  addSchemaRoutes(router, ctx.db);
  addObjectRoutes(router, ctx.db, ctx.faults);
  return router;
}

function send(res: http.ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const errorBody = (message: string): unknown => ({ error: [{ message }] });

export function createRestServer(ctx: RestContext): http.Server {
  const router = buildRouter(ctx);
  return http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://double.local');
      const method = (req.method ?? 'GET').toUpperCase();
      const { route, params, pathExists } = router.match(method, url.pathname);
      if (!route) {
        ctx.calls.record({ target: `${method} ${url.pathname}` });
        send(res, pathExists ? 405 : 404, errorBody(pathExists ? 'method not allowed' : `path ${url.pathname} not found`));
        return;
      }
      ctx.calls.record({ target: route.key, collection: params.className });
      try {
        const delay = ctx.faults.latencyFor(route.key);
        if (delay > 0) await sleep(delay);
        const failure = ctx.faults.takeFailure(route.key, params.className);
        if (failure) {
          send(res, failure.httpStatus, errorBody(failure.message));
          return;
        }
        const body = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) ? await readJsonBody(req) : undefined;
        const out = await route.handler({ method, params, query: url.searchParams, body, raw: req });
        send(res, out.status, method === 'HEAD' ? undefined : out.body);
      } catch (err) {
        if (err instanceof DoubleError) send(res, err.httpStatus, errorBody(err.message));
        else send(res, 500, errorBody(err instanceof Error ? err.message : String(err)));
      }
    })();
  });
}
