import { useStore } from '../../store';
import { ProgressBar } from '../../components/progress-bar';
import { formatAgo } from '../../lib/format';

export function ActiveJobs() {
  const jobs = useStore((s) => s.activeJobs);
  const cancelling = useStore((s) => s.cancelling);
  const cancelJob = useStore((s) => s.cancelJob);
  const openUser = useStore((s) => s.openUser);
  const list = Object.values(jobs).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  if (list.length === 0) return <p className="muted">No sync is running.</p>;
  return (
    <ul className="job-list" aria-label="Active jobs">
      {list.map((job) => (
        <li key={job.runId} className="job-item">
          <button type="button" className="link" onClick={() => openUser(job.userId)}>
            {job.userId}
          </button>
          <span className="muted small">
            {job.type} · {job.trigger} · queued {formatAgo(job.queuedAt)}
          </span>
          <ProgressBar progress={job.progress} label={`Progress of ${job.userId}`} />
          <button
            type="button"
            className="btn btn-small btn-danger"
            disabled={cancelling[job.runId]}
            onClick={() => void cancelJob(job.runId)}
          >
            {cancelling[job.runId] ? 'Cancelling…' : 'Cancel'}
          </button>
        </li>
      ))}
    </ul>
  );
}
