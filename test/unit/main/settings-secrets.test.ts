/**
 * Secrets end to end on the main side: the safeStorage cipher (Electron replaced by the fake), the
 * real core service on a real PostgreSQL database and a real SQLite file, reached through the same
 * handler table and wrapper as ipcMain. What the renderer receives must never hold a secret.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createConsoleApi } from '../../../src/main/core/api';
import { createHandlers } from '../../../src/main/ipc/handlers';
import { invokeChannel } from '../../../src/main/ipc/wrapper';
import { createSafeStorageCipher } from '../../../src/main/platform/secret-cipher';
import type { ConsoleApi } from '../../../src/shared/console-api';
import { createTestDatabase, type TestDatabase } from '../../support/postgres/database';
import { safeStorageState } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const API_KEY = 'wcd-key-Zq81xY';
const trusted = { isTrusted: true };

let db: TestDatabase;
const dirs: string[] = [];
const apis: ConsoleApi[] = [];

async function openConsole(backend: string) {
  safeStorageState.backend = backend;
  const dir = mkdtempSync(join(tmpdir(), 'settings-secrets-'));
  dirs.push(dir);
  const api = await createConsoleApi({
    env: { DATABASE_URL: db.url, ELYSIA_SYNC_DB: join(dir, 'sync.db') },
    cipher: createSafeStorageCipher(undefined, 'linux'),
  });
  apis.push(api);
  const handlers = createHandlers(api, { actor: 'alice', chooseExportPath: async () => null, openExternal: async () => {} });
  return { dir, call: (channel: string, input?: unknown) => invokeChannel(handlers, channel, input, trusted) };
}

/** Every byte of the store (database, WAL and shared-memory files) as text. */
function storeBytes(dir: string): string {
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f)).toString('latin1'))
    .join('\n');
}

beforeAll(async () => {
  db = await createTestDatabase(inject('pgAdminUrl'));
});
afterEach(async () => {
  for (const api of apis.splice(0)) await api.close();
  safeStorageState.backend = 'gnome_libsecret';
});
afterAll(async () => {
  await db.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('settings secrets', () => {
  it('stores an API key encrypted and shows the renderer only that it is set', async () => {
    const { dir, call } = await openConsole('gnome_libsecret');
    const saved = await call('settings:save', { weaviateApiKey: API_KEY });
    expect(saved.ok).toBe(true);
    const got = await call('settings:get');
    expect(got).toMatchObject({ ok: true, data: { secretStorageAvailable: true, connection: { weaviateApiKeySet: true } } });
    expect(JSON.stringify(saved)).not.toContain(API_KEY);
    expect(JSON.stringify(got)).not.toContain(API_KEY);
    expect(storeBytes(dir)).not.toContain(API_KEY);
  });

  it('shows the environment PostgreSQL URL without its password', async () => {
    const { call } = await openConsole('gnome_libsecret');
    const got = await call('settings:get');
    const password = new URL(db.url).password;
    expect(password.length).toBeGreaterThan(0);
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    const url = (got.data as { connection: { databaseUrl: string } }).connection.databaseUrl;
    expect(url).toContain('***');
    expect(url).not.toContain(`:${password}@`);
  });

  it('refuses to save a secret on the plain-text keyring backend, with an explanation', async () => {
    const { dir, call } = await openConsole('basic_text');
    const refused = await call('settings:save', { weaviateApiKey: API_KEY });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('SECRET_STORAGE_UNAVAILABLE');
    expect(refused.error.message).toMatch(/environment/);
    expect(refused.error.message).not.toContain(API_KEY);
    const got = await call('settings:get');
    expect(got).toMatchObject({ ok: true, data: { secretStorageAvailable: false, connection: { weaviateApiKeySet: false } } });
    expect(storeBytes(dir)).not.toContain(API_KEY);
    // Settings that are not secret can still be saved.
    const plain = await call('settings:save', { batchSize: 250 });
    expect(plain).toMatchObject({ ok: true, data: { sync: { batchSize: 250 } } });
  });
});
