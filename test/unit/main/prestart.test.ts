import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bindingPath,
  childEnv,
  electronExecutableName,
  expectedStamp,
  findNodeGyp,
  isElectronInstalled,
  readPackageVersion,
  stampMatches,
} from '../../../scripts/prestart.mjs';
import { electronSqliteBindingPath, findSqliteBinding } from '../../../src/main/platform/sqlite-binding';

const root = join(__dirname, '..', '..', '..');
const temps: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'prestart-test-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('pre-start helpers', () => {
  it('puts the Electron build where the main process looks for it, outside node_modules', () => {
    const p = bindingPath('/app', '45.6.1');
    expect(p).toBe(electronSqliteBindingPath('/app', '45.6.1'));
    expect(p).toBe(join('/app', '.cache', 'electron-sqlite', '45.6.1', 'better_sqlite3.node'));
    expect(p).not.toContain('node_modules');
  });

  it('reads the installed versions of electron and better-sqlite3', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(readPackageVersion(root, 'electron')).toBe(pkg.devDependencies.electron);
    expect(readPackageVersion(root, 'better-sqlite3')).toBe(pkg.dependencies['better-sqlite3']);
  });

  it('names the missing package and the fix when it is not installed', () => {
    expect(() => readPackageVersion(temp(), 'electron')).toThrow(/electron is not installed.*npm install/);
  });

  it('rebuilds when Electron, better-sqlite3, platform or arch changed', () => {
    const stamp = expectedStamp({ electronVersion: '45.6.1', betterSqliteVersion: '12.11.1', platform: 'linux', arch: 'x64' });
    expect(stampMatches({ ...stamp }, stamp)).toBe(true);
    expect(stampMatches({ ...stamp, electron: '45.6.0' }, stamp)).toBe(false);
    expect(stampMatches({ ...stamp, betterSqlite3: '12.10.0' }, stamp)).toBe(false);
    expect(stampMatches({ ...stamp, arch: 'arm64' }, stamp)).toBe(false);
    expect(stampMatches(null, stamp)).toBe(false);
  });

  it("detects an installed Electron binary the way electron's install.js does", () => {
    const dir = temp();
    expect(isElectronInstalled(dir, '45.6.1', 'linux')).toBe(false);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'path.txt'), 'electron');
    writeFileSync(join(dir, 'dist', 'version'), 'v45.6.1');
    expect(isElectronInstalled(dir, '45.6.1', 'linux')).toBe(false); // binary itself missing
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(isElectronInstalled(dir, '45.6.1', 'linux')).toBe(true);
    expect(isElectronInstalled(dir, '46.0.0', 'linux')).toBe(false);
    expect(isElectronInstalled(dir, '45.6.1', 'darwin')).toBe(false);
  });

  it('knows the executable name per platform', () => {
    expect(electronExecutableName('linux')).toBe('electron');
    expect(electronExecutableName('win32')).toBe('electron.exe');
    expect(electronExecutableName('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(() => electronExecutableName('aix')).toThrow(/aix/);
  });

  it("keeps npm's build settings from redirecting the child build", () => {
    const env = childEnv({ PATH: '/bin', npm_config_runtime: 'node', npm_config_target: '20.0.0', npm_config_cache: '/c' });
    expect(env).toEqual({ PATH: '/bin', npm_config_cache: '/c' });
  });

  it('finds node-gyp through npm_config_node_gyp first', () => {
    const gyp = join(temp(), 'node-gyp.js');
    writeFileSync(gyp, '');
    expect(findNodeGyp({ npm_config_node_gyp: gyp }, '/nonexistent/bin/node')).toBe(gyp);
    expect(findNodeGyp({}, '/nonexistent/bin/node')).toBeNull();
  });

  it('lets ELYSIA_SQLITE_BINDING override the location and reports whether the file exists', () => {
    const file = join(temp(), 'custom.node');
    expect(findSqliteBinding('/app', '45.6.1', { ELYSIA_SQLITE_BINDING: file })).toEqual({ path: file, exists: false });
    writeFileSync(file, '');
    expect(findSqliteBinding('/app', '45.6.1', { ELYSIA_SQLITE_BINDING: file }).exists).toBe(true);
    expect(findSqliteBinding('/app', '45.6.1', {}).path).toBe(bindingPath('/app', '45.6.1'));
  });
});
