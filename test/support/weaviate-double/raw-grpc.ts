/**
 * A bare nice-grpc client on the double's gRPC port, built from the same definitions, for tests that
 * need what weaviate-client hides (exact status codes, TenantsGet, bulk loads without the client's
 * per-object serialisation pauses).
 */
import { createChannel, createClient, type Channel } from 'nice-grpc';
import { GRPC_MAX_MESSAGE_SIZE } from './grpc-server';
import { weaviateProto } from './proto';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface RawGrpc {
  client: any;
  close(): void;
}

export function rawGrpc(address: { host: string; grpcPort: number }): RawGrpc {
  const channel: Channel = createChannel(`${address.host}:${address.grpcPort}`, undefined, {
    'grpc.max_send_message_length': GRPC_MAX_MESSAGE_SIZE,
    'grpc.max_receive_message_length': GRPC_MAX_MESSAGE_SIZE,
  });
  const client = createClient(weaviateProto.WeaviateDefinition, channel);
  return { client, close: () => channel.close() };
}

/** A BatchObject message with plain text/number/boolean properties in non_ref_properties. */
export function batchObject(collection: string, uuid: string, properties: Record<string, unknown>, tenant = ''): any {
  const nonRef: Record<string, unknown> = {};
  const textArrays: Array<{ propName: string; values: string[] }> = [];
  for (const [k, v] of Object.entries(properties)) {
    if (Array.isArray(v)) textArrays.push({ propName: k, values: v.map(String) });
    else nonRef[k] = v;
  }
  return {
    collection,
    uuid,
    tenant,
    properties: { nonRefProperties: nonRef, textArrayProperties: textArrays },
  };
}
