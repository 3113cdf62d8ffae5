import type { SyncRun } from '../../../../shared/domain';
import { DATA_TYPES } from '../../../../shared/domain';
import { RunStatusBadge } from '../../components/badges';
import { formatDuration, formatTime } from '../../lib/format';

function written(run: SyncRun): string {
  const parts = DATA_TYPES.filter((t) => run.counts[t]).map((t) => {
    const c = run.counts[t]!;
    return `${t} ${c.written}${c.failed ? ` (${c.failed} failed)` : ''}`;
  });
  return parts.join(', ') || '—';
}

/** Sync runs as a table; used by Overview, History and the user detail. */
export function RunsTable({
  runs,
  label,
  onOpen,
  selectedId,
  showUser = true,
  empty = 'No runs yet.',
  compact = false,
}: {
  runs: SyncRun[];
  label: string;
  onOpen?: (runId: string) => void;
  selectedId?: string | null;
  showUser?: boolean;
  empty?: string;
  /** Fewer columns, for when a run's detail takes half the width. */
  compact?: boolean;
}) {
  if (runs.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Queued</th>
            {showUser && <th scope="col">User</th>}
            <th scope="col">Type</th>
            {!compact && <th scope="col">Trigger</th>}
            {!compact && <th scope="col">Actor</th>}
            <th scope="col">Status</th>
            {!compact && <th scope="col">Written</th>}
            {!compact && <th scope="col">Duration</th>}
            {!compact && <th scope="col">Error</th>}
            {onOpen && (
              <th scope="col">
                <span className="visually-hidden">Open</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className={selectedId === run.id ? 'selected' : undefined} data-run-id={run.id}>
              <td className="nowrap">{formatTime(run.queuedAt)}</td>
              {showUser && <td className="mono">{run.userId}</td>}
              <td>{run.type}</td>
              {!compact && <td>{run.trigger}</td>}
              {!compact && <td className="nowrap">{run.actor}</td>}
              <td>
                <RunStatusBadge status={run.status} />
              </td>
              {!compact && <td className="small">{written(run)}</td>}
              {!compact && <td className="nowrap">{formatDuration(run.startedAt, run.finishedAt)}</td>}
              {!compact && (
                <td className="small error-text truncate" title={run.error ?? undefined}>
                  {run.error ?? ''}
                </td>
              )}
              {onOpen && (
                <td>
                  <button type="button" className="btn btn-small" onClick={() => onOpen(run.id)} aria-label={`Open run ${run.id}`}>
                    Details
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
