import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/main/core/store';

let dir: string;
let file: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-settings-'));
  file = join(dir, 'h.db');
  store = openStore(file);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('settings', () => {
  it('set, overwrite, read one and all, and delete with null', () => {
    expect(store.settings.get('batchSize')).toBeNull();
    expect(store.settings.getAll()).toEqual({});
    store.settings.set('batchSize', '100');
    store.settings.set('intervalHours', '12');
    store.settings.set('batchSize', '250');
    expect(store.settings.get('batchSize')).toBe('250');
    expect(store.settings.getAll()).toEqual({ batchSize: '250', intervalHours: '12' });
    store.settings.set('batchSize', null);
    store.settings.set('never-set', null); // deleting what is not there is fine
    expect(store.settings.get('batchSize')).toBeNull();
    expect(store.settings.getAll()).toEqual({ intervalHours: '12' });
  });

  it('keeps values across re-opening, including empty strings and unicode', () => {
    store.settings.set('empty', '');
    store.settings.set('label', 'Zürich 🏦');
    store.close();
    store = openStore(file);
    expect(store.settings.get('empty')).toBe('');
    expect(store.settings.get('label')).toBe('Zürich 🏦');
  });

  it('refuses an empty key or a non-text value', () => {
    expect(() => store.settings.set('', 'x')).toThrow(/settings key/);
    expect(() => store.settings.set('n', 5 as unknown as string)).toThrow(/must be text/);
    expect(store.settings.getAll()).toEqual({});
  });
});

describe('secrets', () => {
  it('keeps the caller’s encrypted bytes exactly, apart from plain settings', () => {
    const blob = Buffer.from([0, 1, 2, 255, 254, 0, 10, 13]);
    expect(store.settings.getSecret('weaviateApiKey')).toBeNull();
    store.settings.setSecret('weaviateApiKey', blob);
    const back = store.settings.getSecret('weaviateApiKey');
    expect(back).toBeInstanceOf(Buffer);
    expect(back!.equals(blob)).toBe(true);
    expect(store.settings.getAll()).toEqual({}); // secrets never show up among the plain settings
    expect(store.settings.get('weaviateApiKey')).toBeNull();

    store.settings.setSecret('weaviateApiKey', Buffer.from('v2'));
    store.close();
    store = openStore(file);
    expect(store.settings.getSecret('weaviateApiKey')!.toString()).toBe('v2');
    store.settings.setSecret('weaviateApiKey', null);
    expect(store.settings.getSecret('weaviateApiKey')).toBeNull();
  });

  it('accepts only Buffers (the store never takes plaintext strings)', () => {
    expect(() => store.settings.setSecret('databasePassword', 'plaintext' as unknown as Buffer)).toThrow(/Buffer/);
    expect(store.settings.getSecret('databasePassword')).toBeNull();
  });
});
