/**
 * A local Weaviate-compatible server (REST + gRPC, data in memory) for tests, driven by the real
 * weaviate-client. See README.md in this folder for behaviour, the fault API and known differences.
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server as GrpcServer } from 'nice-grpc';
import { Calls } from './calls';
import { Database, type DatabaseOptions } from './database';
import { Faults } from './faults';
import { createGrpcServer } from './grpc-server';
import { createRestServer } from './rest-server';

export { Calls, type CallRecord } from './calls';
export { Faults, type FailNextOptions, type GrpcFaultCode } from './faults';
export { DOUBLE_WEAVIATE_VERSION } from './rest-server';

export interface WeaviateDoubleOptions extends DatabaseOptions {
  host?: string;
  /** 0 = pick a free port. */
  httpPort?: number;
  /** 0 = pick a free port. */
  grpcPort?: number;
}

export interface WeaviateDouble {
  httpUrl: string;
  host: string;
  httpPort: number;
  grpcPort: number;
  faults: Faults;
  calls: Calls;
  /** Stop both listeners for good. */
  stop(): Promise<void>;
  /** Drop every class, object and tenant, clear faults and counters. */
  reset(): void;
}

function listenHttp(server: http.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeHttp(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startWeaviateDouble(options: WeaviateDoubleOptions = {}): Promise<WeaviateDouble> {
  const host = options.host ?? '127.0.0.1';
  const db = new Database(options);
  const calls = new Calls();
  let rest: http.Server | undefined;
  let grpc: GrpcServer | undefined;
  let httpPort = options.httpPort ?? 0;
  let grpcPort = options.grpcPort ?? 0;

  const faults: Faults = new Faults({
    takeDown: async () => {
      const [r, g] = [rest, grpc];
      rest = undefined;
      grpc = undefined;
      g?.forceShutdown();
      if (r) await closeHttp(r);
    },
    bringUp: async () => {
      if (rest || grpc) return;
      await up();
    },
    isDown: () => !rest,
  });
  const ctx = { db, faults, calls };

  async function up(): Promise<void> {
    const g = createGrpcServer(ctx);
    grpcPort = await g.listen(`${host}:${grpcPort}`);
    const r = createRestServer(ctx);
    try {
      httpPort = await listenHttp(r, host, httpPort);
    } catch (err) {
      g.forceShutdown();
      throw err;
    }
    grpc = g;
    rest = r;
  }

  await up();
  return {
    host,
    get httpUrl() {
      return `http://${host}:${httpPort}`;
    },
    get httpPort() {
      return httpPort;
    },
    get grpcPort() {
      return grpcPort;
    },
    faults,
    calls,
    stop: () => faults.takeDown(),
    reset: () => {
      db.reset();
      faults.clear();
      calls.reset();
    },
  };
}
