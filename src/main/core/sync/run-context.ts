/**
 * What one running sync needs from the outside world, and how it reports. Kept as an interface so
 * the job code stays independent of how the api wires pools, clients and the store.
 */
import type pg from 'pg';
import type { WeaviateClient } from 'weaviate-client';
import type { DataType, JobProgress, LogLevel, SyncType, TypeCounts } from '../../../shared/domain';
import type { Store } from '../store';
import type { WeaviateEndpoint } from '../target/errors';

export interface SyncSettingsInForce {
  batchSize: number;
  /** 0 = all. */
  transactionLimit: number;
  invertAmounts: boolean;
}

export interface SyncJob {
  runId: string;
  userId: string;
  type: SyncType;
  settings: SyncSettingsInForce;
  signal: AbortSignal;
}

export interface SyncDeps {
  /** A PostgreSQL read whose failures come out as POSTGRES_UNAVAILABLE with host and port. */
  source: <T>(fn: (pool: pg.Pool) => Promise<T>) => Promise<T>;
  sourceError: (err: unknown) => Error;
  pool: () => pg.Pool;
  weaviate: () => Promise<WeaviateClient>;
  endpoint: () => WeaviateEndpoint;
  store: Store;
  onProgress: (p: JobProgress) => void;
  onLog: (line: { runId: string; userId: string; time: string; level: LogLevel; message: string }) => void;
}

export function emptyCounts(): TypeCounts {
  return { read: 0, written: 0, failed: 0, warnings: 0 };
}

export type CountsByType = Partial<Record<DataType, TypeCounts>>;
