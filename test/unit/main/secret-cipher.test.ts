import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorageCipher } from '../../../src/main/platform/secret-cipher';
import { AppError } from '../../../src/shared/errors';
import { safeStorageState } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

afterEach(() => {
  safeStorageState.available = true;
  safeStorageState.backend = 'gnome_libsecret';
});

describe('safeStorage cipher', () => {
  it('encrypts and decrypts through safeStorage when a keyring is in use', () => {
    const cipher = createSafeStorageCipher(undefined, 'linux');
    expect(cipher.isAvailable()).toBe(true);
    const blob = cipher.encrypt('wcd-key-123');
    expect(blob.toString()).not.toContain('wcd-key-123');
    expect(cipher.decrypt(blob)).toBe('wcd-key-123');
  });

  it.each(['basic_text', 'unknown'])('refuses the Linux "%s" backend (plain text, not protection)', (backend) => {
    safeStorageState.backend = backend;
    const cipher = createSafeStorageCipher(undefined, 'linux');
    expect(cipher.isAvailable()).toBe(false);
    expect(cipher.unavailableReason()).toContain(backend);
    let caught: unknown;
    try {
      cipher.encrypt('wcd-key-123');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('SECRET_STORAGE_UNAVAILABLE');
    expect((caught as AppError).message).toMatch(/keyring/);
    expect((caught as AppError).message).not.toContain('wcd-key-123');
  });

  it('is unavailable when safeStorage cannot encrypt at all', () => {
    safeStorageState.available = false;
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(createSafeStorageCipher(undefined, platform).isAvailable()).toBe(false);
    }
  });

  it('asks about the backend only on Linux (other systems always use their keychain)', () => {
    safeStorageState.backend = 'basic_text';
    expect(createSafeStorageCipher(undefined, 'darwin').isAvailable()).toBe(true);
    expect(createSafeStorageCipher(undefined, 'win32').isAvailable()).toBe(true);
  });
});
