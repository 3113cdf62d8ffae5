/**
 * Builds the renderer with Vite's JS API (same root and React plugin as electron.vite.config.ts) into
 * a temporary folder keyed by a hash of the renderer and shared sources. Test files run in separate
 * processes, so the key makes the build happen once per change instead of once per file; a build is
 * written to a scratch folder and renamed into place, so two files building at once cannot collide.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const SOURCES = ['src/renderer', 'src/shared', 'src/preload/index.d.ts'];

function hashSources(): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else {
      hash.update(path).update(readFileSync(path));
    }
  };
  for (const s of SOURCES) visit(join(ROOT, s));
  return hash.digest('hex').slice(0, 16);
}

export async function buildRenderer(): Promise<string> {
  const target = join(tmpdir(), `elysia-console-renderer-${hashSources()}`);
  if (existsSync(join(target, 'index.html'))) return target;
  const scratch = mkdtempSync(join(tmpdir(), 'elysia-console-build-'));
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  await build({
    root: join(ROOT, 'src/renderer'),
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    // One bundle is right for a local desktop page; Vite's web-oriented size warning does not apply.
    build: { outDir: scratch, emptyOutDir: true, sourcemap: false, reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
  });
  try {
    renameSync(scratch, target);
  } catch {
    // Another test file finished the same build first: use theirs.
    rmSync(scratch, { recursive: true, force: true });
  }
  return target;
}
