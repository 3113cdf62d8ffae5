import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/main/core/store';

let dir: string;
let file: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-concurrent-'));
  file = join(dir, 'history.db');
  store = openStore(file);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a console and a CLI writing the same file at once', () => {
  it('log lines of one run from two processes get unique, gapless seq numbers; the live run is left alone', async () => {
    const runId = '33333333-3333-4333-8333-333333333333';
    store.runs.create({ id: runId, userId: 'u1', type: 'all', trigger: 'manual', actor: 'ops', transactionLimit: 500 });
    store.runs.markRunning(runId);
    const N = 300;

    const script = join(dir, 'writer.ts');
    writeFileSync(
      script,
      `import { openStore } from ${JSON.stringify(resolve(__dirname, '../../../src/main/core/store/index.ts'))};
const store = openStore(${JSON.stringify(file)});
process.stdout.write(JSON.stringify({ interrupted: store.interruptedOnOpen }) + '\\n');
process.stdin.once('data', () => {
  for (let i = 0; i < ${N}; i++) store.logs.append(${JSON.stringify(runId)}, 'info', 'child ' + i);
  store.audit.record({ actor: 'cli', action: 'sync', userId: 'u1', outcome: 'ok' });
  store.close();
  process.exit(0);
});
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: resolve(__dirname, '../../..'),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = once(child, 'exit');
    const [first] = (await once(child.stdout, 'data')) as [Buffer];
    expect(JSON.parse(first.toString())).toEqual({ interrupted: 0 });

    child.stdin.write('go\n');
    for (let i = 0; i < N; i++) {
      store.logs.append(runId, 'info', `parent ${i}`);
      // Yield now and then so the child's writes land between ours, not only before or after.
      if (i % 25 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    const [code] = (await exited) as [number];
    expect(code, stderr).toBe(0);

    const { lines, truncated } = store.logs.list(runId, { limit: 2 * N + 10 });
    expect(truncated).toBe(false);
    expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: 2 * N }, (_, i) => i + 1));
    for (const who of ['parent', 'child']) {
      const mine = lines.filter((l) => l.message.startsWith(who + ' ')).map((l) => Number(l.message.split(' ')[1]));
      expect(mine).toEqual(Array.from({ length: N }, (_, i) => i));
    }
    expect(store.runs.finish(runId, { status: 'succeeded', error: null, counts: {} }).status).toBe('succeeded');
    expect(store.audit.list({ actor: 'cli' }).total).toBe(1);
  });
});
