/**
 * The live connections of one console process: a PostgreSQL pool and a Weaviate client, created on
 * first use and replaced when the settings change. A Weaviate client that lost its server is
 * dropped, so the next operation reconnects instead of failing forever on a dead channel.
 */
import type pg from 'pg';
import type { WeaviateClient } from 'weaviate-client';
import { AppError } from '../../shared/errors';
import type { AppConfig } from './config';
import { createSourcePool, toSourceError } from './source';
import { connectWeaviate, type WeaviateSettings } from './target/client';
import type { WeaviateEndpoint } from './target/errors';

export class Connections {
  private pgPool: pg.Pool | null = null;
  private client: Promise<WeaviateClient> | null = null;

  constructor(private config: AppConfig) {}

  get settings(): AppConfig {
    return this.config;
  }

  pool(): pg.Pool {
    if (!this.config.databaseUrl) {
      throw new AppError('CONFIG', 'No PostgreSQL database is configured. Set DATABASE_URL or enter it in Settings.');
    }
    this.pgPool ??= createSourcePool(this.config.databaseUrl, { connectTimeoutMs: this.config.connectTimeoutMs });
    return this.pgPool;
  }

  /** Runs a PostgreSQL read; any failure comes out as POSTGRES_UNAVAILABLE naming host and port. */
  async source<T>(fn: (pool: pg.Pool) => Promise<T>): Promise<T> {
    const pool = this.pool();
    try {
      return await fn(pool);
    } catch (err) {
      throw this.sourceError(err);
    }
  }

  sourceError(err: unknown): AppError {
    return toSourceError(err, this.config.databaseUrl ?? '', { timeoutMs: this.config.connectTimeoutMs });
  }

  weaviateSettings(): WeaviateSettings | null {
    const w = this.config.weaviate;
    if (!w.url) return null;
    return { url: w.url, grpcPort: w.grpcPort, apiKey: w.apiKey, connectTimeoutMs: this.config.connectTimeoutMs };
  }

  endpoint(): WeaviateEndpoint {
    const s = this.weaviateSettings();
    return s ? { url: s.url, grpcPort: s.grpcPort } : { url: 'not configured', grpcPort: 0 };
  }

  weaviate(): Promise<WeaviateClient> {
    const s = this.weaviateSettings();
    if (!s) {
      return Promise.reject(
        new AppError('CONFIG', 'No Weaviate server is configured. Set WCD_URL (and LOCAL_WEAVIATE_GRPC_PORT) or enter it in Settings.'),
      );
    }
    if (!this.client) {
      const attempt = connectWeaviate(s);
      this.client = attempt;
      attempt.catch(() => {
        if (this.client === attempt) this.client = null;
      });
    }
    return this.client;
  }

  /**
   * Closes the client so the next operation connects afresh. Only on reconfigure and close: a
   * client in use by running jobs must not be closed under them, and its gRPC channel reconnects
   * by itself after an outage.
   */
  private async dropWeaviate(): Promise<void> {
    const c = this.client;
    this.client = null;
    if (c) await c.then((x) => x.close()).catch(() => undefined);
  }

  async reconfigure(config: AppConfig): Promise<void> {
    const pgChanged = config.databaseUrl !== this.config.databaseUrl || config.connectTimeoutMs !== this.config.connectTimeoutMs;
    const wChanged = JSON.stringify(config.weaviate) !== JSON.stringify(this.config.weaviate);
    this.config = config;
    if (pgChanged) {
      const old = this.pgPool;
      this.pgPool = null;
      await old?.end().catch(() => undefined);
    }
    if (wChanged) await this.dropWeaviate();
  }

  async close(): Promise<void> {
    await this.dropWeaviate();
    const p = this.pgPool;
    this.pgPool = null;
    await p?.end().catch(() => undefined);
  }
}
