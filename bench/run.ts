/**
 * `npm run bench`: speed and memory figures of the sync engine on this machine, against a real
 * PostgreSQL and the Weaviate double running in a separate process (so its memory is not ours).
 * Machines here are shared and noisy: compare the ratios printed at the end, measured in one run,
 * rather than absolute times across runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createConsoleApi, type ConsoleService } from '../src/main/core/api';
import { startPostgres } from '../test/support/postgres/server';
import { createTestDatabase } from '../test/support/postgres/database';
import { seedBulk } from '../test/support/data';

const HEAVY_TRANSACTIONS = Number(process.env.BENCH_TRANSACTIONS ?? 20_000);
const USERS = Number(process.env.BENCH_USERS ?? 10_000);
const ROOT = join(__dirname, '..');
const who = { actor: 'bench' };

async function startDoubleProcess(): Promise<{ child: ChildProcess; httpPort: number; grpcPort: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/weaviate-double/cli.ts'), '--http-port', '0', '--grpc-port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /\(port (\d+)\), grpc .*\(port (\d+)\)/.exec(out);
      if (m) resolve({ child, httpPort: Number(m[1]), grpcPort: Number(m[2]) });
    });
    child.on('exit', (code) => reject(new Error(`the Weaviate double exited (${code}) before listening`)));
  });
}

/** Samples RSS and heap while fn runs; returns the peaks above the starting point. */
async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakRssMb: number; peakHeapMb: number }> {
  global.gc?.();
  const base = process.memoryUsage();
  let rss = 0;
  let heap = 0;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss - base.rss);
    heap = Math.max(heap, m.heapUsed - base.heapUsed);
  }, 20);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - t0, peakRssMb: rss / 2 ** 20, peakHeapMb: heap / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function syncHeavy(api: ConsoleService, userId: string): Promise<number> {
  const r = await api.startSync({ users: [userId], type: 'transactions', limit: 0 }, who);
  const run = await api.waitForRun(r.started[0]!.runId);
  if (run?.status !== 'succeeded') throw new Error(`bench sync ended ${run?.status}: ${run?.error}`);
  return run.counts.transactions!.written;
}

async function main(): Promise<void> {
  const server = await startPostgres();
  const db = await createTestDatabase(server.adminUrl);
  const weaviate = await startDoubleProcess();
  const dir = await mkdtemp(join(tmpdir(), 'elysia-bench-'));
  const results: string[] = [];
  const line = (s: string) => {
    results.push(s);
    console.log(s);
  };
  try {
    const small = Math.round(HEAVY_TRANSACTIONS / 4);
    console.log(`seeding ${USERS} users, one user with ${small} and one with ${HEAVY_TRANSACTIONS} transactions...`);
    await seedBulk(db.pool, { users: USERS, transactionsPerUser: 10, accountsPerUser: 2 });
    const smallId = (await seedBulk(db.pool, { users: 1, transactionsPerUser: small, accountsPerUser: 3, prefix: 'small' })).userId(1);
    const heavyId = (await seedBulk(db.pool, { users: 1, transactionsPerUser: HEAVY_TRANSACTIONS, accountsPerUser: 3, prefix: 'heavy' })).userId(1);

    const envFor = (batch: number, store: string): NodeJS.ProcessEnv => ({
      DATABASE_URL: db.url,
      WCD_URL: `http://127.0.0.1:${weaviate.httpPort}`,
      LOCAL_WEAVIATE_GRPC_PORT: String(weaviate.grpcPort),
      ELYSIA_SYNC_DB: join(dir, store),
      SYNC_BATCH_SIZE: String(batch),
    });
    const report = (label: string, m: { value: number; ms: number; peakHeapMb: number; peakRssMb: number }) =>
      line(`${label}: ${(m.ms / 1000).toFixed(2)} s, ${Math.round(m.value / (m.ms / 1000))} objects/s, peak heap +${m.peakHeapMb.toFixed(0)} MiB, peak RSS +${m.peakRssMb.toFixed(0)} MiB`);

    const api100 = await createConsoleApi({ env: envFor(100, 'b100.db') });
    await api100.schemaInit(who);
    const s100 = await measure(() => syncHeavy(api100, heavyId));
    report(`sync ${s100.value} transactions, batch 100 (default)`, s100);
    await api100.close();

    const api1000 = await createConsoleApi({ env: envFor(1000, 'b1000.db') });
    const s1000 = await measure(() => syncHeavy(api1000, heavyId));
    report(`sync ${s1000.value} transactions, batch 1000`, s1000);
    const sSmall = await measure(() => syncHeavy(api1000, smallId));
    report(`sync ${sSmall.value} transactions, batch 1000`, sSmall);

    // What loading the rows whole would cost, at both sizes, for the streaming ratio below.
    const loadWhole = (userId: string) =>
      measure(async () => {
        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        const r = await c.query('SELECT * FROM "Transaction" WHERE user_id = $1 ORDER BY date DESC, id DESC', [userId]);
        await c.end();
        return r.rows.length;
      });
    const wholeSmall = await loadWhole(smallId);
    const wholeHeavy = await loadWhole(heavyId);
    line(`load ${wholeSmall.value} / ${wholeHeavy.value} rows whole (no mapping, no writes): peak heap +${wholeSmall.peakHeapMb.toFixed(0)} / +${wholeHeavy.peakHeapMb.toFixed(0)} MiB`);

    const pageTimes: number[] = [];
    const searchTimes: number[] = [];
    for (let i = 0; i < 15; i++) {
      pageTimes.push((await measure(() => api1000.listUsers({ offset: 5000, limit: 100, sort: 'transactions', direction: 'desc' }))).ms);
      searchTimes.push((await measure(() => api1000.listUsers({ search: `u00${i % 10}42`, limit: 100 }))).ms);
    }
    line(`users page (100 of ${USERS + 2}, sorted by transactions, offset 5000): median ${median(pageTimes).toFixed(1)} ms`);
    line(`users search (id/email substring): median ${median(searchTimes).toFixed(1)} ms`);

    const detailTimes: number[] = [];
    for (let i = 0; i < 10; i++) detailTimes.push((await measure(() => api1000.userDetail(heavyId))).ms);
    line(`user detail with live Weaviate counts (${HEAVY_TRANSACTIONS} objects): median ${median(detailTimes).toFixed(1)} ms`);
    await api1000.close();

    const growth = (a: number, b: number) => (b / Math.max(1, a)).toFixed(2);
    line('');
    line(`ratio: batch 1000 vs batch 100 throughput = ${(s100.ms / s1000.ms).toFixed(2)}x`);
    line(`ratio: 4x the transactions -> streaming sync peak heap x${growth(sSmall.peakHeapMb, s1000.peakHeapMb)}, loading whole x${growth(wholeSmall.peakHeapMb, wholeHeavy.peakHeapMb)}`);
  } finally {
    weaviate.child.kill('SIGTERM');
    await db.drop().catch(() => undefined);
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
