/**
 * SecretCipher backed by Electron's safeStorage (the OS keychain: Keychain, DPAPI, libsecret/kwallet).
 * On Linux without a keyring safeStorage silently falls back to a hard-coded password ('basic_text'),
 * which is obfuscation, not protection: we report that as unavailable so the core refuses to save a
 * secret and tells the operator why, instead of pretending it is stored safely.
 */
import { safeStorage } from 'electron';
import { AppError } from '../../shared/errors';
import type { SecretCipher } from '../core/api';

export interface SafeStorageCipher extends SecretCipher {
  /** Why secrets cannot be stored (for logs and tests); null when they can. */
  unavailableReason(): string | null;
}

type SafeStorageApi = Pick<typeof safeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<typeof safeStorage, 'getSelectedStorageBackend'>>;

const PLAIN_TEXT_BACKENDS = new Set(['basic_text', 'unknown']);

export function createSafeStorageCipher(
  storage: SafeStorageApi = safeStorage,
  platform: NodeJS.Platform = process.platform,
): SafeStorageCipher {
  const unavailableReason = (): string | null => {
    if (!storage.isEncryptionAvailable()) {
      return 'the operating system offers no secret storage (safeStorage is unavailable)';
    }
    if (platform === 'linux' && storage.getSelectedStorageBackend) {
      const backend = storage.getSelectedStorageBackend();
      if (PLAIN_TEXT_BACKENDS.has(backend)) {
        return `no desktop keyring is available (safeStorage backend "${backend}" would keep secrets in plain text); install and unlock GNOME Keyring or KWallet, or set the secret in the environment instead`;
      }
    }
    return null;
  };
  const requireAvailable = (): void => {
    const reason = unavailableReason();
    if (reason !== null) throw new AppError('SECRET_STORAGE_UNAVAILABLE', `Secrets cannot be stored: ${reason}.`);
  };
  return {
    isAvailable: () => unavailableReason() === null,
    unavailableReason,
    encrypt(plain) {
      requireAvailable();
      return storage.encryptString(plain);
    },
    decrypt(blob) {
      requireAvailable();
      return storage.decryptString(blob);
    },
  };
}
