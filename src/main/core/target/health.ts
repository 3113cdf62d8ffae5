/**
 * Weaviate health for the overview: reachable (meta over REST and gRPC health, via connecting),
 * version and latency. Never throws: a failure is a report with the error and what to check.
 */
import type { ComponentHealth } from '../../../shared/domain';
import { toErrorInfo } from '../../../shared/errors';
import { connectWeaviate, type WeaviateSettings } from './client';
import { describeEndpoint } from './errors';

export async function checkWeaviate(s: WeaviateSettings | null): Promise<ComponentHealth> {
  const checkedAt = new Date().toISOString();
  if (!s) {
    return {
      component: 'weaviate',
      ok: false,
      target: 'not configured',
      version: null,
      latencyMs: null,
      error: 'No Weaviate URL is configured.',
      hint: 'Set WCD_URL (and LOCAL_WEAVIATE_GRPC_PORT) or enter the Weaviate URL in Settings.',
      checkedAt,
    };
  }
  const started = performance.now();
  try {
    const client = await connectWeaviate(s);
    try {
      const meta = await client.getMeta();
      return {
        component: 'weaviate',
        ok: true,
        target: describeEndpoint(s),
        version: meta.version ?? null,
        latencyMs: Math.round(performance.now() - started),
        error: null,
        hint: null,
        checkedAt,
      };
    } finally {
      await client.close();
    }
  } catch (err) {
    return {
      component: 'weaviate',
      ok: false,
      target: describeEndpoint(s),
      version: null,
      latencyMs: null,
      error: toErrorInfo(err).message,
      hint: 'Check that Weaviate is running, that WCD_URL and LOCAL_WEAVIATE_GRPC_PORT point at it, and WEAVIATE_API_KEY if it requires one.',
      checkedAt,
    };
  }
}
