import { useStore } from '../../store';
import { ErrorNotice } from '../../components/error-notice';
import { OverallBadge } from '../../components/badges';
import { RunsTable } from '../history/runs-table';
import { StatusTable } from './status-table';
import { SyncForm } from './sync-form';
import { JobPanel } from './job-panel';
import { formatAgo, formatCount, formatTime } from '../../lib/format';

export function UserDetailView() {
  const userId = useStore((s) => s.detailUserId);
  const detail = useStore((s) => s.userDetail);
  const loading = useStore((s) => s.detailLoading);
  const error = useStore((s) => s.detailError);
  const runId = useStore((s) => s.detailRunId);
  const load = useStore((s) => s.loadUserDetail);
  const go = useStore((s) => s.go);
  const showUserHistory = useStore((s) => s.showUserHistory);
  const openRunInHistory = useStore((s) => s.openRunInHistory);

  if (!userId) {
    return <p className="muted">Choose a user in the Users list.</p>;
  }
  return (
    <div className="view user-detail">
      <div className="toolbar">
        <button type="button" className="btn btn-ghost" onClick={() => go('users')}>
          ← Back to users
        </button>
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => void load(userId)} disabled={loading}>
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
        <button type="button" className="btn" onClick={() => showUserHistory(userId)}>
          All runs of this user
        </button>
      </div>
      {error && <ErrorNotice error={error} title={`User ${userId} could not be loaded`} onRetry={() => void load(userId)} />}
      {!detail && !error && <p className="muted">Loading {userId}…</p>}
      {detail && (
        <>
          <section className="card" aria-labelledby="status-heading">
            <header className="card-header">
              <div>
                <h2 id="status-heading">Sync status</h2>
                <p className="muted">
                  <span className="mono">{detail.user.id}</span> · {detail.user.email}
                  {detail.user.name ? ` · ${detail.user.name}` : ''}
                </p>
              </div>
              <div className="status-summary">
                <span aria-label="Overall status">
                  <OverallBadge status={detail.status.overall} />
                </span>
                <span className="muted small" title={formatTime(detail.status.lastSyncedAt)}>
                  Last sync: {formatAgo(detail.status.lastSyncedAt)}
                </span>
              </div>
            </header>
            <dl className="facts facts-inline">
              <dt>Accounts</dt>
              <dd>{formatCount(detail.user.accountCount)}</dd>
              <dt>Transactions</dt>
              <dd>{formatCount(detail.user.transactionCount)}</dd>
              <dt>Created</dt>
              <dd>{formatTime(detail.user.createdAt)}</dd>
            </dl>
            {detail.status.weaviateError && (
              <ErrorNotice
                error={{ code: 'WEAVIATE_UNAVAILABLE', message: `Weaviate could not be counted: ${detail.status.weaviateError}` }}
                title="States come from the last recorded sync"
              />
            )}
            <StatusTable status={detail.status} />
            <SyncForm />
          </section>
          {runId && <JobPanel runId={runId} />}
          <section aria-labelledby="recent-heading">
            <h2 id="recent-heading">Recent runs</h2>
            <RunsTable runs={detail.recentRuns} label="Recent runs" showUser={false} onOpen={openRunInHistory} />
          </section>
        </>
      )}
    </div>
  );
}
