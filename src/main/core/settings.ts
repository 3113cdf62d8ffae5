/**
 * Console settings saved in the local store. They override the environment. Secrets (the
 * PostgreSQL URL, which usually holds a password, and the Weaviate API key) are stored only as
 * blobs encrypted by the caller's cipher (Electron safeStorage); without a safe cipher, saving a
 * secret is refused rather than written in plain text.
 */
import type { SaveSettingsInput } from '../../shared/api-inputs';
import type { SettingsView } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { configSources, loadConfig, type AppConfig, type ConfigDefaults, type ConfigOverrides } from './config';
import { redactUrl } from './redact';
import type { Store } from './store';

export interface SecretCipher {
  /** False when the OS offers no safe storage (e.g. Linux without a keyring: plain-text backend). */
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(blob: Buffer): string;
}

const SECRET_KEYS = ['databaseUrl', 'weaviateApiKey'] as const;
const PLAIN_KEYS = ['weaviateUrl', 'weaviateGrpcPort', 'batchSize', 'transactionLimit', 'autoEnabled', 'intervalHours'] as const;
const PREFIX = 'setting.';

export class SettingsService {
  constructor(
    private readonly store: Store,
    private readonly env: NodeJS.ProcessEnv,
    private readonly cipher: SecretCipher | undefined,
    /** The CLI reads the environment only; the console also applies what was saved in it. */
    private readonly useSaved: boolean,
    private readonly defaults: ConfigDefaults = {},
  ) {}

  secretStorageAvailable(): boolean {
    return !!this.cipher && this.cipher.isAvailable();
  }

  /** The saved overrides; a secret that cannot be decrypted (other machine, new keyring) is skipped. */
  saved(): ConfigOverrides {
    if (!this.useSaved) return {};
    const out: Record<string, unknown> = {};
    for (const key of PLAIN_KEYS) {
      const raw = this.store.settings.get(PREFIX + key);
      if (raw !== null) out[key] = JSON.parse(raw);
    }
    if (this.secretStorageAvailable()) {
      for (const key of SECRET_KEYS) {
        const blob = this.store.settings.getSecret(PREFIX + key);
        if (!blob) continue;
        try {
          out[key] = this.cipher!.decrypt(blob);
        } catch {
          // Leave it out: the environment applies, and the view shows it as not set.
        }
      }
    }
    return out as ConfigOverrides;
  }

  effective(): AppConfig {
    return loadConfig(this.env, this.saved(), this.defaults);
  }

  view(config: AppConfig = this.effective()): SettingsView {
    const sources = configSources(this.env, this.saved());
    return {
      connection: {
        databaseUrl: config.databaseUrl ? redactUrl(config.databaseUrl) : null,
        weaviateUrl: config.weaviate.url,
        weaviateGrpcPort: config.weaviate.grpcPort,
        databasePasswordSet: !!config.databaseUrl && new URL(config.databaseUrl).password !== '',
        weaviateApiKeySet: !!config.weaviate.apiKey,
      },
      sync: {
        batchSize: config.sync.batchSize,
        transactionLimit: config.sync.transactionLimit,
        autoEnabled: config.sync.autoEnabled,
        intervalHours: config.sync.intervalHours,
      },
      sources,
      secretStorageAvailable: this.secretStorageAvailable(),
    };
  }

  /**
   * Validates the merged result first (a bad combination changes nothing), then writes every
   * field in one go. Returns the new effective configuration.
   */
  save(input: SaveSettingsInput): AppConfig {
    const wantsSecret = SECRET_KEYS.some((k) => typeof input[k] === 'string');
    if (wantsSecret && !this.secretStorageAvailable()) {
      throw new AppError(
        'SECRET_STORAGE_UNAVAILABLE',
        'This system offers no safe place for secrets (no OS keychain or keyring), so the PostgreSQL URL and the API key cannot be saved here. Set DATABASE_URL and WEAVIATE_API_KEY in the environment instead.',
      );
    }
    const merged: Record<string, unknown> = { ...this.saved() };
    for (const [k, v] of Object.entries(input)) if (v !== undefined) merged[k] = v;
    const next = loadConfig(this.env, merged as ConfigOverrides, this.defaults);

    // Encrypt before writing anything, so a cipher failure leaves the saved settings untouched.
    const secrets = SECRET_KEYS.flatMap((key) => {
      const v = input[key];
      return v === undefined ? [] : [[key, v === null ? null : this.cipher!.encrypt(v)] as const];
    });
    for (const key of PLAIN_KEYS) {
      const v = input[key];
      if (v === undefined) continue;
      this.store.settings.set(PREFIX + key, v === null ? null : JSON.stringify(v));
    }
    for (const [key, blob] of secrets) this.store.settings.setSecret(PREFIX + key, blob);
    return next;
  }
}
