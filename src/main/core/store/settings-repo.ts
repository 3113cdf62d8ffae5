import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { SettingsRepo } from './store-types';

/** Settings are a handful of named values; these bounds only stop misuse from bloating the file. */
const MAX_KEY = 200;
const MAX_VALUE = 64_000;
const MAX_KEYS_RETURNED = 1000;

function checkKey(key: string): void {
  if (typeof key !== 'string' || !key.trim() || key.length > MAX_KEY) {
    throw new AppError('VALIDATION', `a settings key is a non-empty name of at most ${MAX_KEY} characters (got ${JSON.stringify(key)})`);
  }
}

export function createSettingsRepo(db: Database, now: () => Date): SettingsRepo {
  const getOne = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const getAll = db.prepare(`SELECT key, value FROM settings ORDER BY key LIMIT ${MAX_KEYS_RETURNED}`);
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM settings WHERE key = ?');
  const getSecret = db.prepare('SELECT value FROM secrets WHERE key = ?').pluck();
  const upsertSecret = db.prepare(
    `INSERT INTO secrets (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const removeSecret = db.prepare('DELETE FROM secrets WHERE key = ?');

  return {
    get(key) {
      checkKey(key);
      return (getOne.get(key) as string | undefined) ?? null;
    },
    getAll() {
      const out: Record<string, string> = {};
      for (const row of getAll.all() as { key: string; value: string }[]) out[row.key] = row.value;
      return out;
    },
    set(key, value) {
      checkKey(key);
      if (value === null) {
        remove.run(key);
        return;
      }
      if (typeof value !== 'string' || value.length > MAX_VALUE) {
        throw new AppError('VALIDATION', `setting ${key} must be text of at most ${MAX_VALUE} characters`);
      }
      upsert.run(key, value, now().toISOString());
    },
    getSecret(key) {
      checkKey(key);
      const value = getSecret.get(key) as Buffer | undefined;
      return value ? Buffer.from(value) : null;
    },
    setSecret(key, value) {
      checkKey(key);
      if (value === null) {
        removeSecret.run(key);
        return;
      }
      if (!Buffer.isBuffer(value)) {
        throw new AppError('VALIDATION', `secret ${key} must be a Buffer of encrypted bytes`);
      }
      upsertSecret.run(key, value, now().toISOString());
    },
  };
}
