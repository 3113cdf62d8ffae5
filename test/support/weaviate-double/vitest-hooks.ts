/**
 * vitest lifecycle for a test file that needs the double: one server and one connected
 * weaviate-client per file, emptied before each test.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { WeaviateClient } from 'weaviate-client';
import { connectToDouble } from './client';
import { startWeaviateDouble, type WeaviateDouble, type WeaviateDoubleOptions } from './index';

export interface DoubleHandle {
  readonly double: WeaviateDouble;
  readonly client: WeaviateClient;
  /** `{"error":[...]}` aware fetch against the double's REST root. */
  rest(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function useWeaviateDouble(options: WeaviateDoubleOptions & { resetEachTest?: boolean } = {}): DoubleHandle {
  let double: WeaviateDouble | undefined;
  let client: WeaviateClient | undefined;
  beforeAll(async () => {
    double = await startWeaviateDouble(options);
    client = await connectToDouble(double);
  });
  afterAll(async () => {
    await client?.close();
    await double?.stop();
  });
  if (options.resetEachTest !== false) beforeEach(() => double?.reset());
  return {
    get double() {
      if (!double) throw new Error('the Weaviate double is not started yet (use it inside tests or hooks)');
      return double;
    },
    get client() {
      if (!client) throw new Error('the Weaviate client is not connected yet (use it inside tests or hooks)');
      return client;
    },
    async rest(path, init = {}) {
      const res = await fetch(`${this.double.httpUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await res.text();
      return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
    },
  };
}
