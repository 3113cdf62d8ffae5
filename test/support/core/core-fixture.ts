/**
 * Everything a core integration test needs, real: a fresh PostgreSQL database with the finance
 * schema, a Weaviate double on free ports, a SQLite store in a temp folder, and the console service
 * wired to them through the same environment variables an operator sets.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import weaviate, { type WeaviateClient } from 'weaviate-client';
import { createConsoleApi, type ConsoleService, type CreateConsoleApiOptions } from '../../../src/main/core/api';
import { createTestDatabase, type TestDatabase } from '../postgres/database';
import { startWeaviateDouble } from '../weaviate-double';

export type WeaviateDouble = Awaited<ReturnType<typeof startWeaviateDouble>>;

export interface CoreFixture {
  db: TestDatabase;
  double: WeaviateDouble;
  dir: string;
  storePath: string;
  env: NodeJS.ProcessEnv;
  /** A weaviate-client connected to the double, for reading back what the console wrote. */
  client: WeaviateClient;
  api: ConsoleService;
  /** A second service on the same store and servers (e.g. after a simulated restart). */
  openApi(extra?: Partial<CreateConsoleApiOptions>): Promise<ConsoleService>;
  close(): Promise<void>;
}

export async function startCoreFixture(
  pgAdminUrl: string,
  opts: { env?: NodeJS.ProcessEnv; api?: Partial<CreateConsoleApiOptions> } = {},
): Promise<CoreFixture> {
  const db = await createTestDatabase(pgAdminUrl);
  const double = await startWeaviateDouble({ host: '127.0.0.1', httpPort: 0, grpcPort: 0 });
  const dir = await mkdtemp(join(tmpdir(), 'elysia-core-'));
  const storePath = join(dir, 'sync.db');
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: db.url,
    WCD_URL: double.httpUrl,
    LOCAL_WEAVIATE_GRPC_PORT: String(double.grpcPort),
    ELYSIA_SYNC_DB: storePath,
    SYNC_BATCH_SIZE: '100',
    SYNC_TRANSACTION_LIMIT: '500',
    ELYSIA_CONNECT_TIMEOUT_MS: '3000',
    ...opts.env,
  };
  const client = await weaviate.connectToCustom({
    httpHost: '127.0.0.1',
    httpPort: double.httpPort,
    grpcHost: '127.0.0.1',
    grpcPort: double.grpcPort,
  });
  const opened: ConsoleService[] = [];
  const openApi = async (extra: Partial<CreateConsoleApiOptions> = {}) => {
    const api = await createConsoleApi({ env, ...opts.api, ...extra });
    opened.push(api);
    return api;
  };
  const api = await openApi();
  return {
    db,
    double,
    dir,
    storePath,
    env,
    client,
    api,
    openApi,
    close: async () => {
      for (const a of opened) await a.close().catch(() => undefined);
      await client.close().catch(() => undefined);
      await double.stop().catch(() => undefined);
      await db.drop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
