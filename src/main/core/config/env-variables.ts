/**
 * Every environment variable the console and the CLI read, in one list. The README's configuration
 * table and the CLI's help are generated from it, so documentation cannot drift from the code.
 */
export interface EnvVariable {
  name: string;
  /** Other names accepted for the same setting (the first one set wins, `name` before aliases). */
  aliases: string[];
  /** Default as shown to people; null when there is none (the setting stays unset). */
  default: string | null;
  description: string;
}

export const ENV_VARIABLES: readonly EnvVariable[] = [
  {
    name: 'DATABASE_URL',
    aliases: [],
    default: null,
    description: 'PostgreSQL connection URL of the finance database (postgres://user:password@host:5432/db). Read only.',
  },
  {
    name: 'WCD_URL',
    aliases: ['WEAVIATE_URL'],
    default: null,
    description:
      'Weaviate HTTP URL, e.g. http://localhost:8080 or https://cluster.weaviate.cloud. A bare host:port is read as http://host:port.',
  },
  {
    name: 'LOCAL_WEAVIATE_GRPC_PORT',
    aliases: ['WEAVIATE_GRPC_PORT'],
    default: '50051',
    description: 'Weaviate gRPC port (batch writes go over gRPC); the host is the one of WCD_URL.',
  },
  {
    name: 'WEAVIATE_API_KEY',
    aliases: [],
    default: null,
    description: 'Weaviate API key; leave unset for an anonymous local Weaviate.',
  },
  {
    name: 'SYNC_BATCH_SIZE',
    aliases: [],
    default: '100',
    description: 'Objects per Weaviate batch write (1-10000).',
  },
  {
    name: 'SYNC_TRANSACTION_LIMIT',
    aliases: [],
    default: '500',
    description: 'Newest transactions synced per user, by date; 0 = all.',
  },
  {
    name: 'SYNC_AUTO_ENABLED',
    aliases: [],
    default: 'true',
    description: 'Scheduled syncs on or off (true/false, 1/0, yes/no).',
  },
  {
    name: 'SYNC_INTERVAL_HOURS',
    aliases: [],
    default: '24',
    description: 'Hours between scheduled syncs; a sync older than this shows as stale (0.1-8760).',
  },
  {
    name: 'SYNC_INVERT_AMOUNTS',
    aliases: [],
    default: 'false',
    description:
      "Set to true when the database stores amounts as positive = money in. By default amounts follow Plaid's convention (positive = money out).",
  },
  {
    name: 'ELYSIA_SYNC_DB',
    aliases: [],
    default: '<per-user app data folder>/elysia-sync-console/sync.db',
    description:
      'Path of the local SQLite file holding sync history, run logs and the audit log. Default: $XDG_CONFIG_HOME or ~/.config on Linux, ~/Library/Application Support on macOS, %APPDATA% on Windows.',
  },
  {
    name: 'ELYSIA_CONNECT_TIMEOUT_MS',
    aliases: [],
    default: '5000',
    description: 'Connection timeout for PostgreSQL and Weaviate, in milliseconds (100-60000).',
  },
];
