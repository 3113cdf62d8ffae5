/**
 * The effective configuration: saved console settings over environment variables over defaults.
 * Every value is validated here, once; a bad one is reported with the variable's name, what was
 * expected and what was given (secrets never echoed), and all problems are reported together so an
 * operator fixes a .env file in one go rather than one error per start.
 */
import { homedir } from 'node:os';
import { resolve, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { saveSettingsInput, type SaveSettingsInput } from '../../../shared/api-inputs';
import type { SettingSource } from '../../../shared/domain';
import { redactUrl } from '../redact';
import { defaultStorePath, STORE_FILE } from './store-path';

export interface AppConfig {
  databaseUrl: string | null;
  weaviate: { url: string | null; grpcPort: number; apiKey: string | null };
  sync: {
    batchSize: number;
    transactionLimit: number;
    autoEnabled: boolean;
    intervalHours: number;
    invertAmounts: boolean;
  };
  storePath: string;
  connectTimeoutMs: number;
}

/** The settings saved in the console; a non-null value overrides the environment. */
export type ConfigOverrides = SaveSettingsInput;

export type ConfigField =
  | 'databaseUrl'
  | 'weaviateUrl'
  | 'weaviateGrpcPort'
  | 'weaviateApiKey'
  | 'batchSize'
  | 'transactionLimit'
  | 'autoEnabled'
  | 'intervalHours'
  | 'invertAmounts'
  | 'storePath'
  | 'connectTimeoutMs';

export interface ConfigDefaults {
  /** Folder for the SQLite store (the Electron app passes app.getPath('userData')). */
  storeDir?: string;
}

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^[+]?\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const decimal = (min: number, max: number) =>
  z
    .string()
    .regex(/^[+]?(\d+(\.\d*)?|\.\d+)$/)
    .transform(Number)
    .pipe(z.number().min(min).max(max));

const TRUE_WORDS = ['true', '1', 'yes'];
const FALSE_WORDS = ['false', '0', 'no'];
const boolean = z
  .string()
  .transform((v) => v.toLowerCase())
  .pipe(z.enum([...TRUE_WORDS, ...FALSE_WORDS]))
  .transform((v) => TRUE_WORDS.includes(v));

const postgresUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return u.protocol === 'postgres:' || u.protocol === 'postgresql:';
  } catch {
    return false;
  }
});

/**
 * The seed's .env had WCD_URL=localhost:8080 (no scheme); the Python client accepted that, so we do
 * too and read it as http://. Anything with a scheme other than http/https is refused.
 */
export function normalizeWeaviateUrl(raw: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  return withScheme.replace(/\/+$/, '');
}

const weaviateUrl = z
  .string()
  .transform(normalizeWeaviateUrl)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  });

function expandHome(p: string): string {
  if (p === '~') return homedir();
  if (p.startsWith('~/') || p.startsWith('~\\')) return join(homedir(), p.slice(2));
  return p;
}

interface FieldSpec<T> {
  field: ConfigField;
  /** The variable's names, preferred first. */
  names: string[];
  expected: string;
  schema: z.ZodType<T, string>;
  /** How a rejected value is echoed back; secrets are never shown. */
  show?: (raw: string) => string | null;
}

const SPECS = {
  databaseUrl: {
    field: 'databaseUrl',
    names: ['DATABASE_URL'],
    expected: 'a PostgreSQL URL like postgres://user:password@host:5432/database',
    schema: postgresUrl,
    show: redactUrl,
  } as FieldSpec<string>,
  weaviateUrl: {
    field: 'weaviateUrl',
    names: ['WCD_URL', 'WEAVIATE_URL'],
    expected: 'an http:// or https:// URL like http://localhost:8080',
    schema: weaviateUrl,
    show: redactUrl,
  } as FieldSpec<string>,
  weaviateGrpcPort: {
    field: 'weaviateGrpcPort',
    names: ['LOCAL_WEAVIATE_GRPC_PORT', 'WEAVIATE_GRPC_PORT'],
    expected: 'a port number from 1 to 65535',
    schema: wholeNumber(1, 65535),
  } as FieldSpec<number>,
  weaviateApiKey: {
    field: 'weaviateApiKey',
    names: ['WEAVIATE_API_KEY'],
    expected: 'an API key',
    schema: z.string().max(4000),
    show: () => null,
  } as FieldSpec<string>,
  batchSize: {
    field: 'batchSize',
    names: ['SYNC_BATCH_SIZE'],
    expected: 'a whole number from 1 to 10000',
    schema: wholeNumber(1, 10_000),
  } as FieldSpec<number>,
  transactionLimit: {
    field: 'transactionLimit',
    names: ['SYNC_TRANSACTION_LIMIT'],
    expected: 'a whole number from 0 (all) to 10000000',
    schema: wholeNumber(0, 10_000_000),
  } as FieldSpec<number>,
  autoEnabled: {
    field: 'autoEnabled',
    names: ['SYNC_AUTO_ENABLED'],
    expected: 'true or false (also 1/0, yes/no)',
    schema: boolean,
  } as FieldSpec<boolean>,
  intervalHours: {
    field: 'intervalHours',
    names: ['SYNC_INTERVAL_HOURS'],
    expected: 'a number of hours from 0.1 to 8760',
    schema: decimal(0.1, 24 * 365),
  } as FieldSpec<number>,
  invertAmounts: {
    field: 'invertAmounts',
    names: ['SYNC_INVERT_AMOUNTS'],
    expected: 'true or false (also 1/0, yes/no)',
    schema: boolean,
  } as FieldSpec<boolean>,
  storePath: {
    field: 'storePath',
    names: ['ELYSIA_SYNC_DB'],
    expected: 'a file path',
    schema: z
      .string()
      .max(4096)
      .refine((v) => !v.includes('\0'))
      .transform((v) => resolve(expandHome(v))),
  } as FieldSpec<string>,
  connectTimeoutMs: {
    field: 'connectTimeoutMs',
    names: ['ELYSIA_CONNECT_TIMEOUT_MS'],
    expected: 'a whole number of milliseconds from 100 to 60000',
    schema: wholeNumber(100, 60_000),
  } as FieldSpec<number>,
} satisfies Record<ConfigField, FieldSpec<unknown>>;

/** The variable that supplies a field, and its raw value; empty or blank counts as unset. */
function envValue(env: NodeJS.ProcessEnv, names: string[]): { name: string; raw: string } | null {
  for (const name of names) {
    const v = env[name];
    if (typeof v === 'string' && v.trim() !== '') return { name, raw: v.trim() };
  }
  return null;
}

function shown(spec: FieldSpec<unknown>, raw: string): string {
  const s = spec.show ? spec.show(raw) : raw;
  if (s === null) return '';
  const cut = s.length > 80 ? `${s.slice(0, 80)}…` : s;
  return ` (got "${cut}")`;
}

const SAVED_KEYS = [
  'databaseUrl',
  'weaviateUrl',
  'weaviateGrpcPort',
  'weaviateApiKey',
  'batchSize',
  'transactionLimit',
  'autoEnabled',
  'intervalHours',
] as const;
type SavedKey = (typeof SAVED_KEYS)[number];

function savedValue(overrides: ConfigOverrides | undefined, field: ConfigField): unknown {
  if (!overrides || !(SAVED_KEYS as readonly string[]).includes(field)) return undefined;
  const v = overrides[field as SavedKey];
  return v === null ? undefined : v;
}

/** Where each effective value comes from: 'saved' (console settings), 'env' or 'default'. */
export function configSources(
  env: NodeJS.ProcessEnv,
  overrides?: ConfigOverrides,
): Record<ConfigField, SettingSource> {
  const out = {} as Record<ConfigField, SettingSource>;
  for (const spec of Object.values(SPECS) as FieldSpec<unknown>[]) {
    out[spec.field] =
      savedValue(overrides, spec.field) !== undefined ? 'saved' : envValue(env, spec.names) ? 'env' : 'default';
  }
  return out;
}

/**
 * Builds the configuration, or throws AppError('CONFIG') listing every bad value, e.g.
 * `SYNC_BATCH_SIZE must be a whole number from 1 to 10000 (got "abc")`.
 */
export function loadConfig(env: NodeJS.ProcessEnv, overrides?: ConfigOverrides, defaults?: ConfigDefaults): AppConfig {
  const problems: string[] = [];

  let saved: ConfigOverrides = {};
  if (overrides) {
    const parsed = saveSettingsInput.safeParse(overrides);
    if (parsed.success) saved = parsed.data;
    else
      for (const issue of parsed.error.issues)
        problems.push(`saved setting ${issue.path.join('.') || '(settings)'}: ${issue.message}`);
  }

  function read<T>(spec: FieldSpec<T>, fallback: T): T {
    const fromSaved = savedValue(saved, spec.field);
    if (fromSaved !== undefined) {
      // Saved URLs go through the same normalisation as the environment's.
      return (typeof fromSaved === 'string' ? (spec.schema.safeParse(fromSaved).data ?? fromSaved) : fromSaved) as T;
    }
    const found = envValue(env, spec.names);
    if (!found) return fallback;
    const parsed = spec.schema.safeParse(found.raw);
    if (parsed.success) return parsed.data;
    problems.push(`${found.name} must be ${spec.expected}${shown(spec as FieldSpec<unknown>, found.raw)}`);
    return fallback;
  }

  const storeDefault = defaults?.storeDir ? join(defaults.storeDir, STORE_FILE) : defaultStorePath(env);

  const config: AppConfig = {
    databaseUrl: read<string | null>(SPECS.databaseUrl, null),
    weaviate: {
      url: read<string | null>(SPECS.weaviateUrl, null),
      grpcPort: read(SPECS.weaviateGrpcPort, 50051),
      apiKey: read<string | null>(SPECS.weaviateApiKey, null),
    },
    sync: {
      batchSize: read(SPECS.batchSize, 100),
      transactionLimit: read(SPECS.transactionLimit, 500),
      autoEnabled: read(SPECS.autoEnabled, true),
      intervalHours: read(SPECS.intervalHours, 24),
      invertAmounts: read(SPECS.invertAmounts, false),
    },
    storePath: read(SPECS.storePath, storeDefault),
    connectTimeoutMs: read(SPECS.connectTimeoutMs, 5000),
  };

  if (problems.length === 1) throw new AppError('CONFIG', problems[0]);
  if (problems.length > 1)
    throw new AppError('CONFIG', `${problems.length} configuration problems:\n- ${problems.join('\n- ')}`);
  return config;
}
