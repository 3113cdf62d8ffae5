/**
 * A fresh database per test file, with the finance application's schema loaded.
 * The admin URL comes from the vitest global setup (inject('pgAdminUrl')).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const SOURCE_SCHEMA_SQL = readFileSync(join(__dirname, 'source-schema.sql'), 'utf8');

export interface TestDatabase {
  url: string;
  name: string;
  /** A pool on the test database, for seeding and assertions. */
  pool: pg.Pool;
  drop(): Promise<void>;
}

function withDatabase(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTestDatabase(adminUrl: string, opts: { schema?: boolean } = {}): Promise<TestDatabase> {
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  if (opts.schema !== false) await pool.query(SOURCE_SCHEMA_SQL);
  return {
    url,
    name,
    pool,
    drop: async () => {
      await pool.end();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
