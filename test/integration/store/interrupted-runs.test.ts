import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INTERRUPTED_ERROR, openStore, type Store } from '../../../src/main/core/store';

let dir: string;
let file: string;
const opened: Store[] = [];
const open = (now?: Date) => {
  const s = openStore(file, now ? { now: () => now } : {});
  opened.push(s);
  return s;
};
const newRun = (s: Store, userId = 'user-1') =>
  s.runs.create({ id: randomUUID(), userId, type: 'all', trigger: 'manual', actor: 'ops', transactionLimit: 500 });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-crash-'));
  file = join(dir, 'history.db');
});
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runs left behind by a store that is gone are interrupted on open', () => {
  it('queued and running runs become interrupted with the reason and a finish time; ended runs stay', () => {
    const first = open(new Date('2026-05-01T08:00:00Z'));
    const running = newRun(first);
    first.runs.markRunning(running.id);
    const queued = newRun(first, 'user-2');
    const done = newRun(first, 'user-3');
    first.runs.finish(done.id, { status: 'succeeded', error: null, counts: {} });
    first.close(); // the process "dies": nothing finishes the two open runs

    const second = open(new Date('2026-05-01T09:30:00Z'));
    expect(second.interruptedOnOpen).toBe(2);
    for (const id of [running.id, queued.id]) {
      expect(second.runs.get(id)).toMatchObject({
        status: 'interrupted',
        error: INTERRUPTED_ERROR,
        finishedAt: '2026-05-01T09:30:00.000Z',
      });
    }
    expect(second.runs.get(running.id)!.startedAt).toBe('2026-05-01T08:00:00.000Z');
    expect(second.runs.get(queued.id)!.startedAt).toBeNull();
    expect(second.runs.get(done.id)).toMatchObject({ status: 'succeeded', error: null, finishedAt: '2026-05-01T08:00:00.000Z' });
    expect(second.runs.list({ status: 'interrupted' }).total).toBe(2);

    // A late finish from the dead owner cannot overwrite the verdict.
    expect(() => second.runs.finish(running.id, { status: 'succeeded', error: null, counts: {} })).toThrow(
      /already ended as interrupted/,
    );
    second.close();
    expect(open().interruptedOnOpen).toBe(0); // nothing left to interrupt
  });

  it('does not touch runs of a store still open in this process (console and a second store)', () => {
    const live = open();
    const run = newRun(live);
    live.runs.markRunning(run.id);

    const other = open();
    expect(other.interruptedOnOpen).toBe(0);
    expect(other.runs.get(run.id)!.status).toBe('running');
    expect(live.runs.finish(run.id, { status: 'succeeded', error: null, counts: {} }).status).toBe('succeeded');
  });

  it('interrupts runs recorded by another host (its process cannot be checked)', () => {
    const first = open();
    const run = newRun(first);
    first.close();
    const raw = new Database(file);
    raw.prepare('UPDATE sync_runs SET owner = ? WHERE id = ?').run('some-other-host|1|x', run.id);
    raw.close();
    const second = open();
    expect(second.interruptedOnOpen).toBe(1);
    expect(second.runs.get(run.id)!.status).toBe('interrupted');
  });

  it('across processes: runs of a live CLI process are left alone; after SIGKILL they are interrupted', async () => {
    const child = startChild(file);
    try {
      const runIds = await child.ready;
      expect(runIds).toHaveLength(2);

      const whileAlive = open();
      expect(whileAlive.interruptedOnOpen).toBe(0);
      expect(runIds.map((id) => whileAlive.runs.get(id)!.status).sort()).toEqual(['queued', 'running']);
      whileAlive.close();

      child.process.kill('SIGKILL');
      expect(await child.exited).toBe('SIGKILL');

      const afterCrash = open();
      expect(afterCrash.interruptedOnOpen).toBe(2);
      for (const id of runIds) {
        expect(afterCrash.runs.get(id)).toMatchObject({ status: 'interrupted', error: INTERRUPTED_ERROR });
      }
    } finally {
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    }
  });
});

/** A separate Node process that opens the store, leaves one run running and one queued, and waits. */
function startChild(dbFile: string) {
  const storeIndex = resolve(__dirname, '../../../src/main/core/store/index.ts');
  const script = join(dir, 'crash-child.ts');
  writeFileSync(
    script,
    `import { randomUUID } from 'node:crypto';
import { openStore } from ${JSON.stringify(storeIndex)};
const store = openStore(${JSON.stringify(dbFile)});
const make = () => store.runs.create({ id: randomUUID(), userId: 'cli-user', type: 'transactions', trigger: 'cli', actor: 'ops', transactionLimit: 0 });
const running = make();
store.runs.markRunning(running.id);
const queued = make();
process.stdout.write(JSON.stringify([running.id, queued.id]) + '\\n');
setInterval(() => {}, 60_000);
`,
  );
  // Node itself with tsx's loader (not the tsx launcher, which runs the script in a grandchild that
  // SIGKILL on the launcher would leave alive).
  const repoRoot = resolve(__dirname, '../../..');
  const proc = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const ready = new Promise<string[]>((resolveReady, reject) => {
    proc.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n')) resolveReady(JSON.parse(line) as string[]);
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
  });
  const exited = new Promise<NodeJS.Signals | number | null>((res) => proc.on('exit', (code, signal) => res(signal ?? code)));
  return { process: proc, ready, exited };
}
