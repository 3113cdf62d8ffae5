/** The command line's usage text and argument parsing (no I/O besides what the caller prints). */
import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import type { SyncType } from '../../shared/domain';

export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  init                              create missing Weaviate collections and properties
  sync-all USER_ID                  sync a user's profile, accounts and transactions
  sync-transactions USER_ID [--limit N]
                                    sync the newest N transactions (default SYNC_TRANSACTION_LIMIT; 0 = all)
  sync-accounts USER_ID             sync a user's accounts
  sync-profile USER_ID              sync a user's profile and its metrics
  status USER_ID                    per-type sync status with PostgreSQL and Weaviate counts
  history [--user ID] [--limit N]   recent sync runs, newest first (default 20)
  audit [--limit N]                 recent audit entries, newest first (default 20)
  health                            reachability of PostgreSQL, Weaviate and the history store

Options:
  --json          machine-readable output on stdout (progress and warnings go to stderr)
  --actor NAME    who to record in the audit log (default: the OS user)
  --limit N       see the commands above
  -h, --help      this text

Configuration comes from the environment: DATABASE_URL, WCD_URL, LOCAL_WEAVIATE_GRPC_PORT,
WEAVIATE_API_KEY, SYNC_BATCH_SIZE, SYNC_TRANSACTION_LIMIT, ELYSIA_SYNC_DB, ... (see README).
Exit status: 0 success, 1 failed or partial sync / unknown user / unreachable server, 2 usage error.`;

export class UsageError extends Error {}

const SYNC_COMMANDS: Record<string, SyncType> = {
  'sync-all': 'all',
  'sync-transactions': 'transactions',
  'sync-accounts': 'accounts',
  'sync-profile': 'profile',
};

export type Command =
  | { kind: 'help' }
  | { kind: 'init' }
  | { kind: 'health' }
  | { kind: 'sync'; type: SyncType; userId: string; limit?: number }
  | { kind: 'status'; userId: string }
  | { kind: 'history'; userId?: string; limit: number }
  | { kind: 'audit'; limit: number };

export interface ParsedCli {
  command: Command;
  json: boolean;
  actor: string;
}

function wholeNumber(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function defaultActor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return process.env.USER || process.env.USERNAME || 'unknown';
  }
}

export function parseCli(argv: string[]): ParsedCli {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        actor: { type: 'string' },
        limit: { type: 'string' },
        user: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  const json = !!values.json;
  const actor = values.actor?.trim() || defaultActor();
  if (values.actor !== undefined && !values.actor.trim()) throw new UsageError('--actor needs a name');
  if (values.help) return { command: { kind: 'help' }, json, actor };

  const [name, ...rest] = positionals;
  if (!name) throw new UsageError('no command given');
  const needUser = (): string => {
    if (rest.length === 0) throw new UsageError(`${name} needs a USER_ID`);
    if (rest.length > 1) throw new UsageError(`${name} takes one USER_ID (got ${rest.length} arguments)`);
    const id = rest[0]!.trim();
    if (!id || id.length > 200) throw new UsageError('USER_ID must be 1 to 200 characters');
    return id;
  };
  const noArgs = () => {
    if (rest.length) throw new UsageError(`${name} takes no arguments (got "${rest.join(' ')}")`);
  };
  const onlyFor = (flag: 'limit' | 'user', allowed: boolean) => {
    if (!allowed && values[flag] !== undefined) throw new UsageError(`--${flag} does not apply to ${name}`);
  };

  if (name in SYNC_COMMANDS) {
    const type = SYNC_COMMANDS[name]!;
    onlyFor('limit', type === 'transactions' || type === 'all');
    onlyFor('user', false);
    return {
      command: { kind: 'sync', type, userId: needUser(), limit: wholeNumber('--limit', values.limit, 0, 10_000_000) },
      json,
      actor,
    };
  }
  switch (name) {
    case 'init':
    case 'health':
      noArgs();
      onlyFor('limit', false);
      onlyFor('user', false);
      return { command: { kind: name }, json, actor };
    case 'status':
      onlyFor('limit', false);
      onlyFor('user', false);
      return { command: { kind: 'status', userId: needUser() }, json, actor };
    case 'history':
      noArgs();
      return {
        command: {
          kind: 'history',
          userId: values.user?.trim() || undefined,
          limit: wholeNumber('--limit', values.limit, 1, 500) ?? 20,
        },
        json,
        actor,
      };
    case 'audit':
      noArgs();
      onlyFor('user', false);
      return { command: { kind: 'audit', limit: wholeNumber('--limit', values.limit, 1, 500) ?? 20 }, json, actor };
    default:
      throw new UsageError(`unknown command "${name}"`);
  }
}
