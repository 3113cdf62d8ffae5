/**
 * vitest global setup: one PostgreSQL server for the whole run. Each test file creates its own
 * database on it (test/support/postgres/database.ts), so files stay independent.
 */
import type { TestProject } from 'vitest/node';
import { startPostgres, type PostgresServer } from './postgres/server';

let server: PostgresServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  server = await startPostgres();
  project.provide('pgAdminUrl', server.adminUrl);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
