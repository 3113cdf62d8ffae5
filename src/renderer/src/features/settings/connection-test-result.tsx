import { ErrorNotice } from '../../components/error-notice';
import type { ConnectionTest } from './settings-slice';

export function ConnectionTestResult({ state }: { state: ConnectionTest }) {
  if (state.error) return <ErrorNotice error={state.error} title="Test failed" />;
  const r = state.result;
  if (!r) return null;
  if (r.ok) {
    return (
      <span className="notice notice-ok" role="status">
        Connected to {r.target}
        {r.version ? ` (version ${r.version})` : ''}
        {r.latencyMs !== null ? ` in ${Math.round(r.latencyMs)} ms` : ''}.
      </span>
    );
  }
  return (
    <div className="notice notice-error" role="alert">
      <div className="notice-body">
        <strong className="notice-title">Could not connect to {r.target}</strong>
        <span className="notice-message">{r.error}</span>
        {r.hint && <span className="notice-hint">{r.hint}</span>}
      </div>
    </div>
  );
}
