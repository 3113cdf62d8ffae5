import type { JobProgress } from '../../../shared/domain';
import { DATA_TYPES } from '../../../shared/domain';

/** Written / expected over the types whose totals are known; indeterminate before any total. */
export function jobFraction(p: JobProgress): number | null {
  let done = 0;
  let total = 0;
  for (const t of DATA_TYPES) {
    const expected = p.totals[t];
    if (expected === undefined) continue;
    total += expected;
    const c = p.counts[t];
    done += c ? Math.min(expected, c.written + c.failed) : 0;
  }
  if (p.phase === 'finished') return 1;
  return total > 0 ? done / total : null;
}

export function ProgressBar({ progress, label }: { progress: JobProgress; label: string }) {
  const f = jobFraction(progress);
  const pct = f === null ? undefined : Math.round(f * 100);
  return (
    <div className="progress">
      <div
        className={`progress-track${pct === undefined ? ' progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <div className="progress-fill" style={{ width: pct === undefined ? '30%' : `${pct}%` }} />
      </div>
      <span className="progress-text">
        {progress.phase}
        {progress.current ? ` ${progress.current}` : ''}
        {pct !== undefined ? ` · ${pct}%` : ''}
      </span>
    </div>
  );
}
