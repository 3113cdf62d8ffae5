import type { ComponentHealth } from '../../../../shared/domain';
import { formatAgo } from '../../lib/format';

const NAMES = { postgres: 'PostgreSQL', weaviate: 'Weaviate', store: 'History store' } as const;

export function HealthCard({ health }: { health: ComponentHealth }) {
  const name = NAMES[health.component];
  return (
    <article className={`card health-card ${health.ok ? 'is-ok' : 'is-bad'}`} aria-label={`${name} health`}>
      <header className="card-header">
        <h3>{name}</h3>
        <span className={`badge ${health.ok ? 'tone-ok' : 'tone-bad'}`}>{health.ok ? 'Reachable' : 'Unreachable'}</span>
      </header>
      <dl className="facts">
        <dt>Target</dt>
        <dd className="mono">{health.target || '—'}</dd>
        <dt>Version</dt>
        <dd>{health.version ?? '—'}</dd>
        <dt>Latency</dt>
        <dd>{health.latencyMs === null ? '—' : `${Math.round(health.latencyMs)} ms`}</dd>
        <dt>Checked</dt>
        <dd>{formatAgo(health.checkedAt)}</dd>
      </dl>
      {!health.ok && (
        <div className="notice notice-error" role="alert">
          <div className="notice-body">
            <span className="notice-message">{health.error ?? 'Not reachable.'}</span>
            {health.hint && <span className="notice-hint">{health.hint}</span>}
          </div>
        </div>
      )}
    </article>
  );
}
