#!/usr/bin/env node
/**
 * Pre-start step of `npm start` / `npm run dev` (DESIGN.md §7):
 *  1. make sure the Electron binary is installed (electron >= 42 has no postinstall, so a fresh
 *     `npm install` leaves it out; electron's own install.js downloads it);
 *  2. prepare the Electron-ABI build of better-sqlite3 in .cache/electron-sqlite/<electron version>/,
 *     leaving node_modules/better-sqlite3/build (the Node build the tests load) untouched, so
 *     `npm test` and `npm start` keep working in either order.
 * Every failing step says what failed and what to do. The pure helpers are exported for unit tests;
 * the steps run only when this file is executed directly.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/** Where the Electron build goes. Must stay equal to electronSqliteBindingPath() in src/main/platform/sqlite-binding.ts. */
export function bindingPath(root, electronVersion) {
  return join(root, '.cache', 'electron-sqlite', electronVersion, 'better_sqlite3.node');
}

/** The stamp written beside the binding; a rebuild happens whenever any of these differs. */
export function expectedStamp({ electronVersion, betterSqliteVersion, platform, arch }) {
  return { electron: electronVersion, betterSqlite3: betterSqliteVersion, platform, arch };
}

export function stampMatches(actual, expected) {
  if (!actual || typeof actual !== 'object') return false;
  return Object.keys(expected).every((key) => actual[key] === expected[key]);
}

/** Version of an installed package, or a clear error naming the package and what to run. */
export function readPackageVersion(root, name) {
  const file = join(root, 'node_modules', name, 'package.json');
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`${name} is not installed (${file} is missing or unreadable): run "npm install" first.`);
  }
  if (typeof pkg.version !== 'string' || !/^\d+\.\d+\.\d+/.test(pkg.version)) {
    throw new Error(`${file} has no usable "version" field (got ${JSON.stringify(pkg.version)}).`);
  }
  return pkg.version;
}

/** The executable inside node_modules/electron/dist, as electron's install.js names it. */
export function electronExecutableName(platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron';
    default:
      throw new Error(`Electron has no builds for the platform "${platform}".`);
  }
}

/** Mirrors electron's install.js check: dist/version matches, path.txt names the binary, and it exists. */
export function isElectronInstalled(electronDir, version, platform) {
  try {
    const distVersion = readFileSync(join(electronDir, 'dist', 'version'), 'utf8').trim().replace(/^v/, '');
    const pathTxt = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    if (distVersion !== version || pathTxt !== electronExecutableName(platform)) return false;
    return existsSync(join(electronDir, 'dist', pathTxt));
  } catch {
    return false;
  }
}

/** node-gyp as npm ships it: npm passes its path to scripts; else next to the running npm/node. */
export function findNodeGyp(env, execPath) {
  const candidates = [
    env.npm_config_node_gyp,
    join(dirname(execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((p) => typeof p === 'string' && p.length > 0 && existsSync(p)) ?? null;
}

/** npm exports its config to scripts as npm_config_*; those would redirect a child build (runtime, target, ...). */
export function childEnv(env) {
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    if (!/^npm_config_(runtime|target|arch|platform|disturl|dist_url|build_from_source)$/i.test(key)) clean[key] = value;
  }
  return clean;
}

function log(message) {
  console.log(`[prestart] ${message}`);
}

/** A failed step: what was being done and what the operator should do about it. */
export class StepError extends Error {
  constructor(step, message) {
    super(message);
    this.step = step;
  }
}

function fail(step, message) {
  throw new StepError(step, message);
}

function ensureElectron(root) {
  const electronDir = join(root, 'node_modules', 'electron');
  const version = readPackageVersion(root, 'electron');
  if (isElectronInstalled(electronDir, version, process.platform)) {
    log(`Electron ${version} is installed.`);
    return version;
  }
  log(`Downloading the Electron ${version} binary (electron has no postinstall step)...`);
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit', cwd: electronDir });
  if (result.status !== 0 || !isElectronInstalled(electronDir, version, process.platform)) {
    fail(
      'Installing the Electron binary',
      `electron's install.js could not download Electron ${version} (exit ${result.status ?? result.signal}).\n` +
        'A network connection to github.com (or a mirror set with ELECTRON_MIRROR) is needed once to download it.\n' +
        'Then run "npm start" again. Tests do not need Electron ("npm test" works without it).',
    );
  }
  return version;
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: childEnv(process.env) });
  return result.status === 0;
}

export function ensureSqliteBinding(root, electronVersion) {
  const target = bindingPath(root, electronVersion);
  const stampFile = join(dirname(target), 'build-info.json');
  const expected = expectedStamp({
    electronVersion,
    betterSqliteVersion: readPackageVersion(root, 'better-sqlite3'),
    platform: process.platform,
    arch: process.arch,
  });
  if (existsSync(target) && existsSync(stampFile)) {
    try {
      if (stampMatches(JSON.parse(readFileSync(stampFile, 'utf8')), expected)) {
        log(`better-sqlite3 for Electron ${electronVersion} is ready (${relative(root, target)}).`);
        return;
      }
    } catch {
      // unreadable stamp: rebuild below
    }
  }

  // Build in a copy so node_modules/better-sqlite3/build keeps the Node build the tests use.
  const cacheDir = join(root, '.cache', 'electron-sqlite');
  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(join(cacheDir, 'work-'));
  const pkgCopy = join(work, 'better-sqlite3');
  try {
    cpSync(join(root, 'node_modules', 'better-sqlite3'), pkgCopy, {
      recursive: true,
      filter: (src) => !src.startsWith(join(root, 'node_modules', 'better-sqlite3', 'build')),
    });
    const built = join(pkgCopy, 'build', 'Release', 'better_sqlite3.node');
    log(`Preparing better-sqlite3 ${expected.betterSqlite3} for Electron ${electronVersion}: trying a prebuilt binary...`);
    const prebuild = join(root, 'node_modules', 'prebuild-install', 'bin.js');
    const args = ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform];
    let ok = existsSync(prebuild) && run(process.execPath, [prebuild, ...args], pkgCopy) && existsSync(built);
    if (!ok) {
      log('No prebuilt binary; compiling from source with node-gyp against the Electron headers (about a minute)...');
      const nodeGyp = findNodeGyp(process.env, process.execPath);
      if (!nodeGyp) {
        fail('Building better-sqlite3 for Electron', 'node-gyp was not found (it ships with npm). Run this step through "npm start".');
      }
      ok =
        run(
          process.execPath,
          [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, `--dist-url=${ELECTRON_HEADERS_URL}`],
          pkgCopy,
        ) && existsSync(built);
    }
    if (!ok) {
      fail(
        'Building better-sqlite3 for Electron',
        `Neither a prebuilt binary nor a source build worked. Needed: a network connection (prebuilt binaries and the\n` +
          `Electron headers are downloaded) and, for the source build, python3, make and a C++ compiler.`,
      );
    }
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(built, target);
    writeFileSync(stampFile, JSON.stringify(expected, null, 2) + '\n');
    log(`better-sqlite3 for Electron ${electronVersion} written to ${relative(root, target)}.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  try {
    const electronVersion = ensureElectron(root);
    ensureSqliteBinding(root, electronVersion);
  } catch (err) {
    const step = err instanceof StepError ? err.step : 'The pre-start step';
    console.error(`\n[prestart] ${step} failed.\n${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
