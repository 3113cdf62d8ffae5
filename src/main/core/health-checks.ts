/**
 * Health of the three things the console depends on, for the overview and "Test connection".
 * Never throws: an unreachable server is a report with the error and what to check. A change in
 * what the operator would see is announced through `onChange`.
 */
import type { TestConnectionInput } from '../../shared/api-inputs';
import type { ComponentHealth, HealthReport } from '../../shared/domain';
import type { Connections } from './connections';
import { checkPostgres, createSourcePool } from './source';
import type { Store } from './store';
import { checkWeaviate } from './target/health';

function notConfigured(): ComponentHealth {
  return {
    component: 'postgres',
    ok: false,
    target: 'not configured',
    version: null,
    latencyMs: null,
    error: 'No PostgreSQL database is configured.',
    hint: 'Set DATABASE_URL or enter the PostgreSQL URL in Settings.',
    checkedAt: new Date().toISOString(),
  };
}

export class HealthChecks {
  private last: string | null = null;

  constructor(
    private readonly conn: Connections,
    private readonly store: Store,
    private readonly onChange: (report: HealthReport) => void,
  ) {}

  async report(): Promise<HealthReport> {
    const url = this.conn.settings.databaseUrl;
    const [postgres, weaviate] = await Promise.all([
      url ? checkPostgres(this.conn.pool(), url) : notConfigured(),
      checkWeaviate(this.conn.weaviateSettings()),
    ]);
    const report: HealthReport = { postgres, weaviate, store: this.store.health() };
    const key = JSON.stringify([postgres.ok, postgres.error, weaviate.ok, weaviate.error, report.store.ok]);
    if (key !== this.last) {
      this.last = key;
      this.onChange(report);
    }
    return report;
  }

  /** Checks candidate values (unsaved ones override the effective settings) on a throwaway connection. */
  async test(input: TestConnectionInput): Promise<ComponentHealth> {
    const cfg = this.conn.settings;
    if (input.component === 'postgres') {
      const url = input.databaseUrl ?? cfg.databaseUrl;
      if (!url) return notConfigured();
      const pool = createSourcePool(url, { connectTimeoutMs: cfg.connectTimeoutMs, max: 1 });
      try {
        return await checkPostgres(pool, url);
      } finally {
        await pool.end().catch(() => undefined);
      }
    }
    const url = input.weaviateUrl ?? cfg.weaviate.url;
    return checkWeaviate(
      url
        ? {
            url,
            grpcPort: input.weaviateGrpcPort ?? cfg.weaviate.grpcPort,
            apiKey: input.weaviateApiKey ?? cfg.weaviate.apiKey,
            connectTimeoutMs: cfg.connectTimeoutMs,
          }
        : null,
    );
  }
}
