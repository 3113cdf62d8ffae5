/**
 * The command line as an operator runs it: a spawned process, real PostgreSQL, the Weaviate double,
 * a SQLite file. Asserts output, the --json shape and exit codes.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedUser } from '../../support/data';
import { startCoreFixture, type CoreFixture } from '../../support/core/core-fixture';

const ROOT = join(__dirname, '..', '..', '..');
// One process (tsx as a loader), so killing it kills the CLI itself, as a crash would.
const NODE_ARGS = ['--import', 'tsx'];
let fx: CoreFixture;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv = fx.env, onStderr?: (chunk: string, kill: () => void) => void): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, join(ROOT, 'src/main/cli.ts'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      onStderr?.(String(d), () => child.kill('SIGKILL'));
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  fx = await startCoreFixture(inject('pgAdminUrl'));
  await seedUser(fx.db.pool, { id: 'usr_cli' });
}, 60_000);
afterAll(async () => {
  await fx?.close();
});

describe('cli usage', () => {
  it('prints the usage and exits 2 without a command', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no command given');
    expect(r.stderr).toContain('Usage: npm run cli -- <command>');
  });

  it('names a bad --limit and exits 2', async () => {
    const r = await cli(['sync-transactions', 'usr_cli', '--limit', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--limit must be a whole number from 0 to 10000000 (got "lots")');
  });

  it('names a bad environment variable', async () => {
    const r = await cli(['history'], { ...fx.env, SYNC_BATCH_SIZE: 'abc' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SYNC_BATCH_SIZE');
    expect(r.stderr).toContain('abc');
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sync-transactions USER_ID [--limit N]');
  });
});

describe('cli commands', () => {
  it('init --json prints only the JSON report', async () => {
    const r = await cli(['init', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(true);
    expect(doc.report.collections.map((c: { name: string }) => c.name).sort()).toEqual(['Account', 'Transaction', 'UserProfile']);
  });

  it('sync-all syncs, prints a summary and records the actor', async () => {
    const r = await cli(['sync-all', 'usr_cli', '--actor', 'alice']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Sync all of user usr_cli: SUCCEEDED/);
    expect(r.stdout).toMatch(/transactions: 12\/12 written/);
    const audit = await cli(['audit', '--json', '--limit', '5']);
    const doc = JSON.parse(audit.stdout);
    expect(doc.items.some((e: { actor: string; action: string }) => e.actor === 'alice' && e.action === 'sync.start')).toBe(true);
  });

  it('sync-transactions --json has the run and exits 0; progress stays off stdout', async () => {
    const r = await cli(['sync-transactions', 'usr_cli', '--limit', '5', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: true, run: { status: 'succeeded', type: 'transactions', transactionLimit: 5, trigger: 'cli' } });
    expect(doc.run.counts.transactions.written).toBe(5);
    expect(doc.failures).toEqual([]);
  });

  it('an unknown user exits 1 with the reason', async () => {
    const r = await cli(['sync-profile', 'nobody', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'user nobody not found' } });
    expect(r.stderr).toContain('user nobody not found');
  });

  it('status shows per-type state and counts', async () => {
    await cli(['sync-all', 'usr_cli']);
    const r = await cli(['status', 'usr_cli']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Fully Synced');
    expect(r.stdout).toMatch(/transactions\s+synced\s+PostgreSQL 12, Weaviate 12/);
    const j = JSON.parse((await cli(['status', 'usr_cli', '--json'])).stdout);
    expect(j.status.types.accounts).toMatchObject({ state: 'synced', postgresCount: 5, weaviateCount: 5 });
  });

  it('history filters by user and limits', async () => {
    const r = await cli(['history', '--user', 'usr_cli', '--limit', '2', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.items).toHaveLength(2);
    expect(doc.total).toBeGreaterThanOrEqual(3);
    expect(doc.items.every((x: { userId: string }) => x.userId === 'usr_cli')).toBe(true);
  });

  it('a Weaviate that is down exits 1 within the connect timeout, naming host and port', async () => {
    const r = await cli(['sync-accounts', 'usr_cli'], { ...fx.env, WCD_URL: 'http://127.0.0.1:9', LOCAL_WEAVIATE_GRPC_PORT: '10', ELYSIA_CONNECT_TIMEOUT_MS: '2000' });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/127\.0\.0\.1:9 \(gRPC port 10\)/);
  });

  it('a run left behind by a killed CLI is marked interrupted by the next process', async () => {
    await fx.api.schemaInit({ actor: 'test-setup' });
    await seedUser(fx.db.pool, {
      id: 'usr_crash',
      transactions: Array.from({ length: 300 }, (_, i) => ({ key: `t${i}`, amount: '1.00', daysAgo: i % 60 })),
    });
    fx.double.faults.addLatency('BatchObjects', 1500);
    try {
      const r = await cli(['sync-transactions', 'usr_crash', '--limit', '0'], fx.env, (chunk, kill) => {
        if (/writing/.test(chunk)) kill();
      });
      expect(r.code).toBeNull(); // killed by the signal
    } finally {
      fx.double.faults.addLatency('BatchObjects', 0);
    }
    const h = JSON.parse((await cli(['history', '--user', 'usr_crash', '--json'])).stdout);
    expect(h.items[0]).toMatchObject({ status: 'interrupted' });
    expect(h.items[0].error).toMatch(/interrupted/);
  });
});
