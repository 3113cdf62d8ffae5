import { describe, expect, it, inject } from 'vitest';
import { createTestDatabase } from '../support/postgres/database';

describe('test PostgreSQL harness', () => {
  it('creates an isolated database with the finance schema', async () => {
    const db = await createTestDatabase(inject('pgAdminUrl'));
    try {
      const { rows } = await db.pool.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
      );
      expect(rows.map((r) => r.table_name)).toEqual(['Account', 'Item', 'Transaction', 'User']);
    } finally {
      await db.drop();
    }
  });
});
