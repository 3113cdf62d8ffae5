import { useEffect } from 'react';
import { useStore } from '../../store';
import type { CollectionStatus, PropertyState } from '../../../../shared/domain';
import { ErrorNotice } from '../../components/error-notice';
import { InitReport } from './init-report';
import { formatCount } from '../../lib/format';

const STATE_TONE: Record<PropertyState, string> = { ok: 'tone-ok', missing: 'tone-bad', conflict: 'tone-bad', extra: 'tone-info' };

export function SchemaView() {
  const status = useStore((s) => s.schemaStatus);
  const loading = useStore((s) => s.schemaLoading);
  const error = useStore((s) => s.schemaError);
  const report = useStore((s) => s.schemaReport);
  const initializing = useStore((s) => s.schemaInitializing);
  const initError = useStore((s) => s.schemaInitError);
  const load = useStore((s) => s.loadSchema);
  const init = useStore((s) => s.initSchema);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="view schema-view">
      <div className="toolbar">
        {status && (
          <span className={`badge ${status.inSync ? 'tone-ok' : 'tone-warn'}`} aria-label="Schema state">
            {status.inSync ? 'Schema in sync' : 'Schema drift'}
          </span>
        )}
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => void load()} disabled={loading}>
          {loading ? 'Checking…' : 'Refresh'}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void init()} disabled={initializing}>
          {initializing ? 'Initializing…' : 'Initialize schema'}
        </button>
      </div>
      <p className="muted">
        Initialize creates missing collections and adds missing properties. It never drops data: type conflicts are
        reported, not changed.
      </p>
      {initError && <ErrorNotice error={initError} title="Schema initialization failed" />}
      {report && <InitReport report={report} />}
      {error && <ErrorNotice error={error} title="Schema could not be read" onRetry={() => void load()} />}
      {status && (
        <div className="grid-3">
          {status.collections.map((c) => (
            <CollectionCard key={c.name} collection={c} />
          ))}
        </div>
      )}
    </div>
  );
}

function CollectionCard({ collection: c }: { collection: CollectionStatus }) {
  const problems = c.properties.filter((p) => p.state === 'missing' || p.state === 'conflict').length;
  return (
    <article className={`card${!c.exists || problems ? ' is-bad' : ''}`} aria-label={`Collection ${c.name}`}>
      <header className="card-header">
        <h3>{c.name}</h3>
        <span className={`badge ${c.exists ? (problems ? 'tone-warn' : 'tone-ok') : 'tone-bad'}`}>
          {c.exists ? (problems ? `${problems} to fix` : 'ok') : 'missing'}
        </span>
      </header>
      <p className="muted small">Objects: {formatCount(c.objectCount)}</p>
      <table className="table table-compact" aria-label={`Properties of ${c.name}`}>
        <thead>
          <tr>
            <th scope="col">Property</th>
            <th scope="col">Expected</th>
            <th scope="col">Actual</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {c.properties.map((p) => (
            <tr key={p.name} className={p.state !== 'ok' ? `row-${p.state}` : undefined}>
              <td className="mono">{p.name}</td>
              <td className="mono small">{p.expectedType ?? '—'}</td>
              <td className="mono small">{p.actualType ?? '—'}</td>
              <td>
                <span className={`chip ${STATE_TONE[p.state]}`}>{p.state}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
