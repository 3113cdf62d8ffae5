import type { OverallStatus, RunStatus, TypeState } from '../../../shared/domain';

const OVERALL_CLASS: Record<OverallStatus, string> = {
  'Fully Synced': 'tone-ok',
  'Partially Synced': 'tone-warn',
  'Not Synced': 'tone-muted',
};

export function OverallBadge({ status }: { status: OverallStatus }) {
  return <span className={`badge ${OVERALL_CLASS[status]}`}>{status}</span>;
}

const STATE_CLASS: Record<TypeState, string> = {
  never: 'tone-muted',
  synced: 'tone-ok',
  stale: 'tone-warn',
  drift: 'tone-warn',
  failed: 'tone-bad',
};

const STATE_LABEL: Record<TypeState, string> = {
  never: 'never',
  synced: 'synced',
  stale: 'stale',
  drift: 'drift',
  failed: 'failed',
};

export function StateChip({ state, label }: { state: TypeState; label?: string }) {
  return (
    <span className={`chip ${STATE_CLASS[state]}`} title={label ? `${label}: ${STATE_LABEL[state]}` : undefined}>
      {label && <span className="chip-label">{label}</span>}
      {STATE_LABEL[state]}
    </span>
  );
}

const RUN_CLASS: Record<RunStatus, string> = {
  queued: 'tone-info',
  running: 'tone-info',
  succeeded: 'tone-ok',
  partial: 'tone-warn',
  failed: 'tone-bad',
  cancelled: 'tone-muted',
  interrupted: 'tone-bad',
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <span className={`badge ${RUN_CLASS[status]}`}>{status}</span>;
}

export function HealthDot({ ok, label }: { ok: boolean | null; label: string }) {
  const tone = ok === null ? 'tone-muted' : ok ? 'tone-ok' : 'tone-bad';
  const word = ok === null ? 'unknown' : ok ? 'reachable' : 'unreachable';
  return (
    <span className="health-dot-item" title={`${label}: ${word}`}>
      <span className={`dot ${tone}`} aria-hidden="true" />
      <span>{label}</span>
      <span className="visually-hidden">{word}</span>
    </span>
  );
}
