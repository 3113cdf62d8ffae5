import { useStore } from '../../store';
import { DATA_TYPES } from '../../../../shared/domain';
import { ProgressBar } from '../../components/progress-bar';
import { RunStatusBadge } from '../../components/badges';
import { LogView } from '../../components/log-view';
import { TYPE_LABEL, formatCount } from '../../lib/format';

const NO_LINES: never[] = [];

/** The open user's current (or just finished) job: progress, counts, live log and Cancel. */
export function JobPanel({ runId }: { runId: string }) {
  const job = useStore((s) => s.activeJobs[runId]);
  const finished = useStore((s) => s.finishedRuns[runId]);
  const lines = useStore((s) => s.jobLogs[runId] ?? NO_LINES);
  const cancelling = useStore((s) => !!s.cancelling[runId]);
  const cancel = useStore((s) => s.cancelJob);
  const openRunInHistory = useStore((s) => s.openRunInHistory);
  const go = useStore((s) => s.go);
  const counts = finished?.counts ?? job?.progress.counts ?? {};

  return (
    <section className="card job-panel" aria-labelledby="job-heading">
      <header className="card-header">
        <h2 id="job-heading">{finished ? 'Last job' : 'Running job'}</h2>
        <span aria-label="Job status">
          <RunStatusBadge status={finished ? finished.status : (job?.status ?? 'queued')} />
        </span>
        <span className="spacer" />
        {/* Cancel stays until job:finished arrives; after asking it shows "Cancelling…". */}
        {!finished && (
          <button type="button" className="btn btn-danger" disabled={cancelling} onClick={() => void cancel(runId)}>
            {cancelling ? 'Cancelling…' : 'Cancel sync'}
          </button>
        )}
        {finished && (
          <button type="button" className="btn" onClick={() => openRunInHistory(runId)}>
            Open in History
          </button>
        )}
      </header>
      {job && !finished && <ProgressBar progress={job.progress} label="Sync progress" />}
      {finished?.error && (
        <div className="notice notice-error" role="alert">
          <div className="notice-body">
            <strong className="notice-title">The sync {finished.status === 'cancelled' ? 'was cancelled' : 'failed'}</strong>
            <span className="notice-message">{finished.error}</span>
          </div>
          {/* Runs carry only the message, so the schema case is recognised by its words. */}
          {/schema/i.test(finished.error) && (
            <button type="button" className="btn btn-small" onClick={() => go('schema')}>
              Open Schema
            </button>
          )}
        </div>
      )}
      <ul className="job-counts" aria-label="Job counts">
        {DATA_TYPES.filter((t) => counts[t] || job?.progress.totals[t] !== undefined).map((t) => {
          const c = counts[t];
          const total = job?.progress.totals[t];
          return (
            <li key={t}>
              <strong>{TYPE_LABEL[t]}</strong> {formatCount(c?.written ?? 0)}
              {total !== undefined ? ` / ${formatCount(total)}` : ''} written
              {c?.failed ? `, ${formatCount(c.failed)} failed` : ''}
              {c?.warnings ? `, ${formatCount(c.warnings)} warnings` : ''}
            </li>
          );
        })}
      </ul>
      <LogView lines={lines} label="Live log" empty="Waiting for the first log line…" />
    </section>
  );
}
