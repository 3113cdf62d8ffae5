import { useStore } from '../store';
import { HealthDot } from '../components/badges';
import { formatAgo } from '../lib/format';

const TITLES: Record<string, string> = {
  overview: 'Overview',
  users: 'Users',
  user: 'User detail',
  schema: 'Schema',
  history: 'Sync history',
  audit: 'Audit log',
  settings: 'Settings',
};

export function TopStrip() {
  const view = useStore((s) => s.view);
  const health = useStore((s) => s.health);
  const loading = useStore((s) => s.healthLoading);
  const loadHealth = useStore((s) => s.loadHealth);
  return (
    <header className="top-strip">
      <h1 className="view-title">{TITLES[view]}</h1>
      <div className="health-dots" aria-label="Connection health" role="group">
        <HealthDot label="PostgreSQL" ok={health ? health.postgres.ok : null} />
        <HealthDot label="Weaviate" ok={health ? health.weaviate.ok : null} />
        <HealthDot label="Store" ok={health ? health.store.ok : null} />
        <span className="muted small">{health ? `checked ${formatAgo(health.postgres.checkedAt)}` : ''}</span>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => void loadHealth()} disabled={loading}>
          {loading ? 'Checking…' : 'Check now'}
        </button>
      </div>
    </header>
  );
}
