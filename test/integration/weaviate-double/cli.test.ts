/** The standalone double: `npm run weaviate:double` runs cli.ts under tsx with no build step. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import weaviate from 'weaviate-client';

const root = path.resolve(__dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(root, 'test/support/weaviate-double/cli.ts');

let child: ChildProcess | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

function start(args: string[]): Promise<{ line: string; output: () => string }> {
  child = spawn(tsx, [cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.includes('listening'));
      if (line) resolve({ line, output: () => out });
    });
    child!.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child!.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

const exited = (): Promise<number | null> => new Promise((resolve) => child!.on('exit', (code) => resolve(code)));

describe('weaviate:double CLI', () => {
  it('prints both ports once it accepts connections, serves the client, and stops on SIGTERM', async () => {
    const { line, output } = await start(['--http-port', '0', '--grpc-port', '0']);
    const [, httpPort, grpcPort] = /http .*\(port (\d+)\), grpc .*\(port (\d+)\)/.exec(line)!.map(Number);
    const client = await weaviate.connectToCustom({ httpHost: '127.0.0.1', httpPort, grpcHost: '127.0.0.1', grpcPort });
    try {
      await client.collections.create({ name: 'Cli', properties: [{ name: 'a', dataType: 'text' }] });
      expect((await client.collections.get('Cli').aggregate.overAll()).totalCount).toBe(0);
    } finally {
      await client.close();
    }
    const done = exited();
    child!.kill('SIGTERM');
    expect(await done).toBe(0);
    expect(output()).toMatch(/stopped \(SIGTERM\)/);
  });

  it('stops on SIGINT too', async () => {
    await start(['--http-port=0', '--grpc-port=0']);
    const done = exited();
    child!.kill('SIGINT');
    expect(await done).toBe(0);
  });

  it('refuses a bad port with a message naming the flag', async () => {
    await expect(start(['--http-port', 'eighty'])).rejects.toThrow(/--http-port needs a port number/);
  });
});
