import { useId } from 'react';
import { OVERALL_STATUSES, type OverallStatus, type SyncSummary } from '../../../../shared/domain';
import { OverallBadge } from '../../components/badges';
import { formatCount } from '../../lib/format';

const COUNT_OF: Record<OverallStatus, keyof SyncSummary> = {
  'Fully Synced': 'fullySynced',
  'Partially Synced': 'partiallySynced',
  'Not Synced': 'notSynced',
};

/** Users per overall badge, each labelled by the same badge the users table shows. */
export function SyncSummaryStats({ summary }: { summary: SyncSummary | null }) {
  return (
    <div className="stats" role="group" aria-label="Users by sync status">
      {OVERALL_STATUSES.map((status) => (
        <SummaryStat key={status} status={status} value={summary ? summary[COUNT_OF[status]] : null} />
      ))}
    </div>
  );
}

function SummaryStat({ status, value }: { status: OverallStatus; value: number | null }) {
  const labelId = useId();
  return (
    <div className="stat">
      {/* Named by the badge, so assistive tech (and the tests) read "Fully Synced: 1". */}
      <span className="stat-value" aria-labelledby={labelId}>
        {formatCount(value)}
      </span>
      <span id={labelId} className="stat-label">
        <OverallBadge status={status} />
      </span>
    </div>
  );
}
