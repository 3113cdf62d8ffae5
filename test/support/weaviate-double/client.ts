/** Connects the real weaviate-client to a running double (anonymous, plain HTTP and gRPC). */
import weaviate, { type WeaviateClient } from 'weaviate-client';
import type { WeaviateDouble } from './index';

export function connectToDouble(double: Pick<WeaviateDouble, 'host' | 'httpPort' | 'grpcPort'>): Promise<WeaviateClient> {
  return weaviate.connectToCustom({
    httpHost: double.host,
    httpPort: double.httpPort,
    grpcHost: double.host,
    grpcPort: double.grpcPort,
    httpSecure: false,
    grpcSecure: false,
  });
}
