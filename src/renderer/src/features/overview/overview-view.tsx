import { useEffect } from 'react';
import { useStore } from '../../store';
import { HealthCard } from './health-card';
import { ActiveJobs } from './active-jobs';
import { SyncSummaryStats } from './sync-summary-stats';
import { RunsTable } from '../history/runs-table';
import { ErrorNotice } from '../../components/error-notice';
import { formatCount } from '../../lib/format';

export function OverviewView() {
  const health = useStore((s) => s.health);
  const healthError = useStore((s) => s.healthError);
  const totals = useStore((s) => s.totals);
  const syncSummary = useStore((s) => s.syncSummary);
  const latestRuns = useStore((s) => s.latestRuns);
  const overviewError = useStore((s) => s.overviewError);
  const activeCount = useStore((s) => Object.keys(s.activeJobs).length);
  const loadOverview = useStore((s) => s.loadOverview);
  const openRunInHistory = useStore((s) => s.openRunInHistory);

  useEffect(() => {
    void loadOverview();
  }, [loadOverview]);

  return (
    <div className="view overview">
      <section aria-labelledby="health-heading">
        <div className="section-head">
          <h2 id="health-heading">Connections</h2>
          <button type="button" className="btn btn-small" onClick={() => void loadOverview()}>
            Refresh
          </button>
        </div>
        {healthError && <ErrorNotice error={healthError} title="Health check failed" />}
        <div className="grid-3">
          {health ? (
            <>
              <HealthCard health={health.postgres} />
              <HealthCard health={health.weaviate} />
              <HealthCard health={health.store} />
            </>
          ) : (
            !healthError && <p className="muted">Checking connections…</p>
          )}
        </div>
      </section>

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading">Totals</h2>
        {overviewError && <ErrorNotice error={overviewError} title="Some figures could not be loaded" />}
        <div className="stats">
          <Stat label="Users in PostgreSQL" value={formatCount(totals.users)} />
          <Stat label="Active jobs" value={formatCount(activeCount)} />
          <Stat label="Runs in the last 24 h" value={formatCount(totals.runsLastDay)} />
          <Stat label="Failed runs in the last 24 h" value={formatCount(totals.failedLastDay)} tone={totals.failedLastDay ? 'bad' : undefined} />
        </div>
        <SyncSummaryStats summary={syncSummary} />
      </section>

      <section aria-labelledby="jobs-heading">
        <h2 id="jobs-heading">Active jobs</h2>
        <ActiveJobs />
      </section>

      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">Latest runs</h2>
        <RunsTable runs={latestRuns} label="Latest runs" onOpen={(id) => openRunInHistory(id)} />
      </section>
    </div>
  );
}

function Stat({ label, value, tone }: { label: string; value: string; tone?: 'bad' }) {
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ''}`}>
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
    </div>
  );
}
