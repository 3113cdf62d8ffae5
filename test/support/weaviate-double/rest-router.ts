/**
 * A tiny router for node:http: routes are "<METHOD> <template>" with {placeholders}; the same key is
 * what tests pass to `faults` and read from `calls`.
 */
import type { IncomingMessage } from 'node:http';
import { badRequest } from './errors';

export interface RestRequest {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  raw: IncomingMessage;
}

export interface RestResponse {
  status: number;
  body?: unknown;
}

export type RestHandler = (req: RestRequest) => RestResponse | Promise<RestResponse>;

interface Route {
  key: string;
  method: string;
  pattern: RegExp;
  names: string[];
  handler: RestHandler;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, template: string, handler: RestHandler): this {
    const names: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/\{(\w+)\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}/?$`,
    );
    this.routes.push({ key: `${method} ${template}`, method, pattern, names, handler });
    return this;
  }

  /** The route for a request, or `undefined`; `pathExists` tells 405 from 404. */
  match(method: string, path: string): { route?: Route; params: Record<string, string>; pathExists: boolean } {
    let pathExists = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathExists = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
      return { route, params, pathExists };
    }
    return { params: {}, pathExists };
  }
}

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('request body is not valid JSON');
  }
}
