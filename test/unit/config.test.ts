import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { homedir } from 'node:os';
import {
  ENV_VARIABLES,
  configSources,
  defaultStorePath,
  loadConfig,
  type AppConfig,
} from '../../src/main/core/config';
import { AppError } from '../../src/shared/errors';

const STORE_DIR = '/tmp/elysia-config-test';

function load(env: Record<string, string>, overrides?: Parameters<typeof loadConfig>[1]): AppConfig {
  return loadConfig(env, overrides, { storeDir: STORE_DIR });
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an error');
}

describe('loadConfig defaults', () => {
  it('gives every default on an empty environment', () => {
    expect(load({})).toEqual({
      databaseUrl: null,
      weaviate: { url: null, grpcPort: 50051, apiKey: null },
      sync: { batchSize: 100, transactionLimit: 500, autoEnabled: true, intervalHours: 24, invertAmounts: false },
      storePath: join(STORE_DIR, 'sync.db'),
      connectTimeoutMs: 5000,
    });
  });

  it('treats empty and blank values as unset', () => {
    const c = load({ DATABASE_URL: '', SYNC_BATCH_SIZE: '  ', WCD_URL: '', SYNC_AUTO_ENABLED: '' });
    expect(c.databaseUrl).toBeNull();
    expect(c.sync.batchSize).toBe(100);
    expect(c.weaviate.url).toBeNull();
    expect(c.sync.autoEnabled).toBe(true);
  });
});

describe('loadConfig reads every variable', () => {
  it('reads each one', () => {
    const c = load({
      DATABASE_URL: 'postgres://app:pw@db:5432/finance',
      WCD_URL: 'https://cluster.weaviate.cloud/',
      LOCAL_WEAVIATE_GRPC_PORT: '50052',
      WEAVIATE_API_KEY: ' key-123 ',
      SYNC_BATCH_SIZE: '250',
      SYNC_TRANSACTION_LIMIT: '0',
      SYNC_AUTO_ENABLED: 'no',
      SYNC_INTERVAL_HOURS: '1.5',
      SYNC_INVERT_AMOUNTS: 'YES',
      ELYSIA_SYNC_DB: '/var/lib/elysia/history.db',
      ELYSIA_CONNECT_TIMEOUT_MS: '2500',
    });
    expect(c).toEqual({
      databaseUrl: 'postgres://app:pw@db:5432/finance',
      weaviate: { url: 'https://cluster.weaviate.cloud', grpcPort: 50052, apiKey: 'key-123' },
      sync: { batchSize: 250, transactionLimit: 0, autoEnabled: false, intervalHours: 1.5, invertAmounts: true },
      storePath: resolve('/var/lib/elysia/history.db'),
      connectTimeoutMs: 2500,
    });
  });

  it('accepts the alternative names WEAVIATE_URL and WEAVIATE_GRPC_PORT; the seed names win', () => {
    expect(load({ WEAVIATE_URL: 'http://w:8080', WEAVIATE_GRPC_PORT: '6000' }).weaviate).toMatchObject({
      url: 'http://w:8080',
      grpcPort: 6000,
    });
    expect(
      load({ WCD_URL: 'http://a:1', WEAVIATE_URL: 'http://b:2', LOCAL_WEAVIATE_GRPC_PORT: '7', WEAVIATE_GRPC_PORT: '8' })
        .weaviate,
    ).toMatchObject({ url: 'http://a:1', grpcPort: 7 });
  });

  it('reads a WCD_URL without scheme (the seed .env had localhost:8080) as http://', () => {
    expect(load({ WCD_URL: 'localhost:8080' }).weaviate.url).toBe('http://localhost:8080');
    expect(load({ WCD_URL: 'weaviate.internal' }).weaviate.url).toBe('http://weaviate.internal');
  });

  it.each([
    ['true', true], ['1', true], ['yes', true], ['TRUE', true], ['Yes', true],
    ['false', false], ['0', false], ['no', false], ['FALSE', false],
  ])('SYNC_AUTO_ENABLED=%s -> %s', (raw, value) => {
    expect(load({ SYNC_AUTO_ENABLED: raw }).sync.autoEnabled).toBe(value);
    expect(load({ SYNC_INVERT_AMOUNTS: raw }).sync.invertAmounts).toBe(value);
  });

  it('expands ~ and resolves a relative ELYSIA_SYNC_DB', () => {
    expect(load({ ELYSIA_SYNC_DB: '~/h.db' }).storePath).toBe(join(homedir(), 'h.db'));
    expect(load({ ELYSIA_SYNC_DB: 'rel/h.db' }).storePath).toBe(resolve('rel/h.db'));
  });

  it('accepts the range ends', () => {
    const c = load({
      SYNC_BATCH_SIZE: '10000',
      SYNC_TRANSACTION_LIMIT: '10000000',
      SYNC_INTERVAL_HOURS: '0.1',
      LOCAL_WEAVIATE_GRPC_PORT: '65535',
      ELYSIA_CONNECT_TIMEOUT_MS: '100',
    });
    expect(c.sync).toMatchObject({ batchSize: 10000, transactionLimit: 10000000, intervalHours: 0.1 });
    expect(c.weaviate.grpcPort).toBe(65535);
    expect(c.connectTimeoutMs).toBe(100);
  });
});

describe('loadConfig bad values', () => {
  it.each([
    ['SYNC_BATCH_SIZE', 'abc', 'SYNC_BATCH_SIZE must be a whole number from 1 to 10000 (got "abc")'],
    ['SYNC_BATCH_SIZE', '0', 'SYNC_BATCH_SIZE must be a whole number from 1 to 10000 (got "0")'],
    ['SYNC_BATCH_SIZE', '10001', 'SYNC_BATCH_SIZE must be a whole number from 1 to 10000 (got "10001")'],
    ['SYNC_BATCH_SIZE', '2.5', 'SYNC_BATCH_SIZE must be a whole number from 1 to 10000 (got "2.5")'],
    ['SYNC_TRANSACTION_LIMIT', '-1', 'SYNC_TRANSACTION_LIMIT must be a whole number from 0 (all) to 10000000 (got "-1")'],
    ['SYNC_AUTO_ENABLED', 'maybe', 'SYNC_AUTO_ENABLED must be true or false (also 1/0, yes/no) (got "maybe")'],
    ['SYNC_INVERT_AMOUNTS', 'on', 'SYNC_INVERT_AMOUNTS must be true or false (also 1/0, yes/no) (got "on")'],
    ['SYNC_INTERVAL_HOURS', '0', 'SYNC_INTERVAL_HOURS must be a number of hours from 0.1 to 8760 (got "0")'],
    ['SYNC_INTERVAL_HOURS', '1e3', 'SYNC_INTERVAL_HOURS must be a number of hours from 0.1 to 8760 (got "1e3")'],
    ['LOCAL_WEAVIATE_GRPC_PORT', '70000', 'LOCAL_WEAVIATE_GRPC_PORT must be a port number from 1 to 65535 (got "70000")'],
    ['WEAVIATE_GRPC_PORT', 'x', 'WEAVIATE_GRPC_PORT must be a port number from 1 to 65535 (got "x")'],
    ['ELYSIA_CONNECT_TIMEOUT_MS', '50', 'ELYSIA_CONNECT_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000 (got "50")'],
    ['WCD_URL', 'ftp://w:21', 'WCD_URL must be an http:// or https:// URL like http://localhost:8080 (got "ftp://w:21")'],
    ['WEAVIATE_URL', 'http://', 'WEAVIATE_URL must be an http:// or https:// URL like http://localhost:8080 (got "http://")'],
    ['DATABASE_URL', 'mysql://u@h/db', 'DATABASE_URL must be a PostgreSQL URL like postgres://user:password@host:5432/database (got "mysql://u@h/db")'],
  ])('%s=%s', (name, raw, message) => {
    const err = errorOf(() => load({ [name]: raw }));
    expect(err.code).toBe('CONFIG');
    expect(err.message).toBe(message);
  });

  it('never echoes a password or an API key', () => {
    const db = errorOf(() => load({ DATABASE_URL: 'mysql://app:Hunter2@h/db' }));
    expect(db.message).toContain('DATABASE_URL');
    expect(db.message).not.toContain('Hunter2');
    expect(db.message).toContain('app:***@');
    const key = errorOf(() => load({ WEAVIATE_API_KEY: 'k'.repeat(5000) }));
    expect(key.message).toBe('WEAVIATE_API_KEY must be an API key');
  });

  it('collects every problem into one error', () => {
    const err = errorOf(() => load({ SYNC_BATCH_SIZE: 'abc', SYNC_AUTO_ENABLED: 'maybe', DATABASE_URL: 'nope' }));
    expect(err.code).toBe('CONFIG');
    expect(err.message).toMatch(/^3 configuration problems:/);
    expect(err.message).toContain('- DATABASE_URL must be');
    expect(err.message).toContain('- SYNC_BATCH_SIZE must be a whole number from 1 to 10000 (got "abc")');
    expect(err.message).toContain('- SYNC_AUTO_ENABLED must be true or false');
  });
});

describe('saved settings override the environment', () => {
  const env = { SYNC_BATCH_SIZE: '250', WCD_URL: 'http://env:8080', DATABASE_URL: 'postgres://e@h/db' };

  it('a non-null saved value wins; null or absent falls back to env, then default', () => {
    const c = load(env, { batchSize: 42, weaviateUrl: null, transactionLimit: 7, autoEnabled: false, weaviateGrpcPort: 6001 });
    expect(c.sync.batchSize).toBe(42);
    expect(c.weaviate.url).toBe('http://env:8080');
    expect(c.sync.transactionLimit).toBe(7);
    expect(c.sync.autoEnabled).toBe(false);
    expect(c.weaviate.grpcPort).toBe(6001);
    expect(c.sync.intervalHours).toBe(24);
  });

  it('overrides connection values and secrets too', () => {
    const c = load(env, {
      databaseUrl: 'postgresql://saved:pw@s:5433/fin',
      weaviateUrl: 'https://saved.example/',
      weaviateApiKey: 'saved-key',
      intervalHours: 6,
    });
    expect(c.databaseUrl).toBe('postgresql://saved:pw@s:5433/fin');
    expect(c.weaviate.url).toBe('https://saved.example');
    expect(c.weaviate.apiKey).toBe('saved-key');
    expect(c.sync.intervalHours).toBe(6);
  });

  it('a saved value overrides a bad environment value without complaint', () => {
    expect(load({ SYNC_BATCH_SIZE: 'abc' }, { batchSize: 5 }).sync.batchSize).toBe(5);
  });

  it('rejects a bad saved value with the field named', () => {
    const err = errorOf(() => load({}, { batchSize: 0 }));
    expect(err.code).toBe('CONFIG');
    expect(err.message).toMatch(/^saved setting batchSize: /);
  });

  it('configSources tells saved, env and default apart', () => {
    const sources = configSources(
      { ...env, WEAVIATE_GRPC_PORT: '6000', SYNC_AUTO_ENABLED: '' },
      { batchSize: 42, databaseUrl: null, intervalHours: 3 },
    );
    expect(sources).toEqual({
      databaseUrl: 'env',
      weaviateUrl: 'env',
      weaviateGrpcPort: 'env',
      weaviateApiKey: 'default',
      batchSize: 'saved',
      transactionLimit: 'default',
      autoEnabled: 'default',
      intervalHours: 'saved',
      invertAmounts: 'default',
      storePath: 'default',
      connectTimeoutMs: 'default',
    });
  });
});

describe('default store path', () => {
  it('follows each OS convention', () => {
    expect(defaultStorePath({}, 'linux', '/home/ann')).toBe('/home/ann/.config/elysia-sync-console/sync.db');
    expect(defaultStorePath({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ann')).toBe('/xdg/elysia-sync-console/sync.db');
    expect(defaultStorePath({}, 'darwin', '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/elysia-sync-console/sync.db',
    );
    expect(defaultStorePath({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\elysia-sync-console\\sync.db',
    );
  });

  it('is used when no storeDir is given', () => {
    const c = loadConfig({ XDG_CONFIG_HOME: '/xdg-test' });
    if (process.platform === 'linux') expect(c.storePath).toBe('/xdg-test/elysia-sync-console/sync.db');
    expect(c.storePath.endsWith('sync.db')).toBe(true);
  });
});

describe('ENV_VARIABLES', () => {
  it('documents every variable loadConfig reads, with its default', () => {
    const names = ENV_VARIABLES.map((v) => v.name);
    expect(names).toEqual([
      'DATABASE_URL',
      'WCD_URL',
      'LOCAL_WEAVIATE_GRPC_PORT',
      'WEAVIATE_API_KEY',
      'SYNC_BATCH_SIZE',
      'SYNC_TRANSACTION_LIMIT',
      'SYNC_AUTO_ENABLED',
      'SYNC_INTERVAL_HOURS',
      'SYNC_INVERT_AMOUNTS',
      'ELYSIA_SYNC_DB',
      'ELYSIA_CONNECT_TIMEOUT_MS',
    ]);
    const byName = Object.fromEntries(ENV_VARIABLES.map((v) => [v.name, v]));
    expect(byName.SYNC_BATCH_SIZE.default).toBe('100');
    expect(byName.SYNC_TRANSACTION_LIMIT.default).toBe('500');
    expect(byName.LOCAL_WEAVIATE_GRPC_PORT.aliases).toEqual(['WEAVIATE_GRPC_PORT']);
    expect(byName.WCD_URL.aliases).toEqual(['WEAVIATE_URL']);
    for (const v of ENV_VARIABLES) expect(v.description.length).toBeGreaterThan(10);
  });

  it('lists defaults that loadConfig really uses', () => {
    const c = load({});
    const byName = Object.fromEntries(ENV_VARIABLES.map((v) => [v.name, v.default]));
    expect(String(c.sync.batchSize)).toBe(byName.SYNC_BATCH_SIZE);
    expect(String(c.sync.transactionLimit)).toBe(byName.SYNC_TRANSACTION_LIMIT);
    expect(String(c.sync.autoEnabled)).toBe(byName.SYNC_AUTO_ENABLED);
    expect(String(c.sync.intervalHours)).toBe(byName.SYNC_INTERVAL_HOURS);
    expect(String(c.sync.invertAmounts)).toBe(byName.SYNC_INVERT_AMOUNTS);
    expect(String(c.weaviate.grpcPort)).toBe(byName.LOCAL_WEAVIATE_GRPC_PORT);
    expect(String(c.connectTimeoutMs)).toBe(byName.ELYSIA_CONNECT_TIMEOUT_MS);
  });

  it('every listed variable (and alias) changes the configuration when set to a bad value', () => {
    for (const v of ENV_VARIABLES) {
      for (const name of [v.name, ...v.aliases]) {
        if (name === 'ELYSIA_SYNC_DB') {
          expect(load({ [name]: '/x/y.db' }).storePath).toBe(resolve('/x/y.db'));
          continue;
        }
        const bad = name === 'WEAVIATE_API_KEY' ? 'k'.repeat(5000) : 'ftp://%%';
        expect(() => load({ [name]: bad }), name).toThrowError(new RegExp(`^${name} must be`));
      }
    }
  });
});
