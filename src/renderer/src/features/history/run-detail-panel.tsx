import { useStore } from '../../store';
import { DATA_TYPES } from '../../../../shared/domain';
import { ErrorNotice } from '../../components/error-notice';
import { RunStatusBadge } from '../../components/badges';
import { LogView } from '../../components/log-view';
import { TYPE_LABEL, formatCount, formatDuration, formatTime } from '../../lib/format';

export function RunDetailPanel() {
  const runId = useStore((s) => s.selectedRunId);
  const detail = useStore((s) => s.runDetail);
  const error = useStore((s) => s.runDetailError);
  const openRun = useStore((s) => s.openRun);
  const openUser = useStore((s) => s.openUser);
  if (!runId) return null;
  const run = detail?.run;
  return (
    <aside className="card run-detail" aria-label="Run detail">
      <header className="card-header">
        <h2>Run detail</h2>
        {run && <RunStatusBadge status={run.status} />}
        <span className="spacer" />
        <button type="button" className="btn btn-ghost btn-small" onClick={() => void openRun(null)} aria-label="Close run detail">
          ✕
        </button>
      </header>
      {error && <ErrorNotice error={error} title="Run could not be loaded" />}
      {!detail && !error && <p className="muted">Loading…</p>}
      {detail && run && (
        <>
          <dl className="facts">
            <dt>Run</dt>
            <dd className="mono small">{run.id}</dd>
            <dt>User</dt>
            <dd>
              <button type="button" className="link mono" onClick={() => openUser(run.userId)}>
                {run.userId}
              </button>
            </dd>
            <dt>Type / trigger</dt>
            <dd>
              {run.type} · {run.trigger} by {run.actor}
            </dd>
            <dt>Transaction limit</dt>
            <dd>{run.transactionLimit === 0 ? 'all' : formatCount(run.transactionLimit)}</dd>
            <dt>Started</dt>
            <dd>{formatTime(run.startedAt ?? run.queuedAt)}</dd>
            <dt>Duration</dt>
            <dd>{formatDuration(run.startedAt, run.finishedAt)}</dd>
          </dl>
          {run.error && (
            <div className="notice notice-error" role="alert">
              <div className="notice-body">
                <strong className="notice-title">Run error</strong>
                <span className="notice-message">{run.error}</span>
              </div>
            </div>
          )}
          <table className="table table-compact" aria-label="Counts per type">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col" className="num">Read</th>
                <th scope="col" className="num">Written</th>
                <th scope="col" className="num">Failed</th>
                <th scope="col" className="num">Warnings</th>
              </tr>
            </thead>
            <tbody>
              {DATA_TYPES.filter((t) => run.counts[t]).map((t) => {
                const c = run.counts[t]!;
                return (
                  <tr key={t}>
                    <th scope="row">{TYPE_LABEL[t]}</th>
                    <td className="num">{formatCount(c.read)}</td>
                    <td className="num">{formatCount(c.written)}</td>
                    <td className={`num${c.failed ? ' error-text' : ''}`}>{formatCount(c.failed)}</td>
                    <td className="num">{formatCount(c.warnings)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {detail.failures.length > 0 && (
            <>
              <h3>Failed objects ({detail.failures.length})</h3>
              <table className="table table-compact" aria-label="Failed objects">
                <thead>
                  <tr>
                    <th scope="col">Type</th>
                    <th scope="col">Source id</th>
                    <th scope="col">Message</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.failures.map((f) => (
                    <tr key={`${f.dataType}:${f.objectId}`}>
                      <td>{f.dataType}</td>
                      <td className="mono small">{f.sourceId}</td>
                      <td className="small error-text">{f.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <h3>Log</h3>
          {detail.logTruncated && <p className="muted small">Showing the first {detail.log.length} lines.</p>}
          <LogView lines={detail.log} label="Run log" empty="This run wrote no log lines." />
        </>
      )}
    </aside>
  );
}
