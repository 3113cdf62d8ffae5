/**
 * One weaviate-client connection, with bounded start-up: an unreachable server is reported within
 * the connect timeout (the client's own checks can otherwise wait on retries).
 */
import weaviate, { ApiKey, type WeaviateClient } from 'weaviate-client';
import { AppError } from '../../../shared/errors';
import { toWeaviateError, describeEndpoint, type WeaviateEndpoint } from './errors';

export interface WeaviateSettings extends WeaviateEndpoint {
  apiKey: string | null;
  /** Bound on connecting (meta + gRPC health), in milliseconds. */
  connectTimeoutMs: number;
}

export async function connectWeaviate(s: WeaviateSettings): Promise<WeaviateClient> {
  let url: URL;
  try {
    url = new URL(s.url);
  } catch {
    throw new AppError('CONFIG', `WCD_URL must be an http(s) URL such as http://localhost:8080 (got "${s.url}")`);
  }
  const secure = url.protocol === 'https:';
  const httpPort = url.port ? Number(url.port) : secure ? 443 : 80;
  const initSeconds = Math.max(1, Math.ceil(s.connectTimeoutMs / 1000));
  let timer: NodeJS.Timeout | undefined;
  const connecting = weaviate.connectToCustom({
    httpHost: url.hostname,
    httpPort,
    httpPath: url.pathname === '/' ? undefined : url.pathname.replace(/\/$/, ''),
    httpSecure: secure,
    grpcHost: url.hostname,
    grpcPort: s.grpcPort,
    grpcSecure: secure,
    authCredentials: s.apiKey ? new ApiKey(s.apiKey) : undefined,
    timeout: { init: initSeconds, query: 60, insert: 120 },
  });
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError(
            'WEAVIATE_UNAVAILABLE',
            `Weaviate at ${describeEndpoint(s)} did not answer within ${s.connectTimeoutMs} ms. Check that Weaviate is running and that WCD_URL and LOCAL_WEAVIATE_GRPC_PORT point at it.`,
          ),
        ),
      s.connectTimeoutMs,
    );
  });
  try {
    return await Promise.race([connecting, deadline]);
  } catch (err) {
    // A client that connects after we gave up must not leak its channel.
    connecting.then((c) => c.close()).catch(() => undefined);
    throw toWeaviateError(err, s, 'connect', s.apiKey ? [s.apiKey] : []);
  } finally {
    clearTimeout(timer);
  }
}
