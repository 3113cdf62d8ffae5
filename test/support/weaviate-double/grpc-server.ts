/**
 * The gRPC side: weaviate.v1.Weaviate and grpc.health.v1.Health served with nice-grpc from the
 * definitions inside weaviate-client. Every call is counted, may be delayed or failed by injected
 * faults, and turns a DoubleError into a gRPC status.
 */
import { createServer, ServerError, Status, type Server } from 'nice-grpc';
import type { Calls } from './calls';
import type { Database } from './database';
import { DoubleError } from './errors';
import type { Faults, GrpcFaultCode } from './faults';
import { healthProto, weaviateProto } from './proto';
import { aggregate } from './aggregate';
import { batchDelete, batchObjects, tenantsGet } from './batch';
import { search } from './search';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Matches the grpcMaxMessageSize /v1/meta announces; grpc-js would otherwise cap requests at 4 MB. */
export const GRPC_MAX_MESSAGE_SIZE = 104_858_000;

const FAULT_STATUS: Record<GrpcFaultCode, Status> = {
  UNAVAILABLE: Status.UNAVAILABLE,
  DEADLINE_EXCEEDED: Status.DEADLINE_EXCEEDED,
  INTERNAL: Status.INTERNAL,
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface GrpcContext {
  db: Database;
  faults: Faults;
  calls: Calls;
}

function handler(ctx: GrpcContext, target: string, run: (req: any) => any) {
  return async (req: any): Promise<any> => {
    const collection: string | undefined = req?.collection || req?.objects?.[0]?.collection || undefined;
    ctx.calls.record({
      target,
      collection,
      tenant: req?.tenant || req?.objects?.[0]?.tenant || undefined,
      size: target === 'BatchObjects' ? (req?.objects?.length ?? 0) : undefined,
    });
    const delay = ctx.faults.latencyFor(target);
    if (delay > 0) await sleep(delay);
    const failure = ctx.faults.takeFailure(target, collection);
    if (failure) throw new ServerError(FAULT_STATUS[failure.grpcCode], failure.message);
    try {
      return run(req);
    } catch (err) {
      // Weaviate returns plain Go errors from its gRPC handlers, which reach clients as UNKNOWN.
      if (err instanceof DoubleError) throw new ServerError(Status.UNKNOWN, err.message);
      throw new ServerError(Status.INTERNAL, err instanceof Error ? err.message : String(err));
    }
  };
}

export function createGrpcServer(ctx: GrpcContext): Server {
  const server = createServer({
    'grpc.max_receive_message_length': GRPC_MAX_MESSAGE_SIZE,
    'grpc.max_send_message_length': GRPC_MAX_MESSAGE_SIZE,
  });
  const unimplemented = (name: string) => () => {
    throw new ServerError(Status.UNIMPLEMENTED, `${name} is not implemented by this server`);
  };
  server.add(weaviateProto.WeaviateDefinition, {
    search: handler(ctx, 'Search', (req) => search(ctx.db, req)),
    batchObjects: handler(ctx, 'BatchObjects', (req) => batchObjects(ctx.db, ctx.faults, req)),
    batchDelete: handler(ctx, 'BatchDelete', (req) => batchDelete(ctx.db, ctx.faults, req)),
    tenantsGet: handler(ctx, 'TenantsGet', (req) => tenantsGet(ctx.db, req)),
    aggregate: handler(ctx, 'Aggregate', (req) => aggregate(ctx.db, req)),
    batchReferences: handler(ctx, 'BatchReferences', unimplemented('BatchReferences')),
    // Weaviate >= 1.36 only; the double reports 1.32, so clients never open this stream.
    batchStream: unimplemented('BatchStream') as any,
  } as any);
  const servingStatus = healthProto.HealthCheckResponse_ServingStatus.SERVING;
  server.add(healthProto.HealthDefinition, {
    check: handler(ctx, 'Health/Check', () => ({ status: servingStatus })),
    watch: unimplemented('Health/Watch') as any,
  } as any);
  return server;
}
