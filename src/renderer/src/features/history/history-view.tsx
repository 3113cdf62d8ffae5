import { useEffect, useId, useState, type FormEvent } from 'react';
import { useStore } from '../../store';
import { RUN_STATUSES, RUN_TRIGGERS, SYNC_TYPES } from '../../../../shared/domain';
import { ErrorNotice } from '../../components/error-notice';
import { Pager } from '../../components/pager';
import { RunsTable } from './runs-table';
import { RunDetailPanel } from './run-detail-panel';
import { localInputToIso } from '../../lib/format';
import type { HistoryFilter } from './history-slice';

interface FormState {
  userId: string;
  type: string;
  status: string;
  trigger: string;
  from: string;
  to: string;
}
const EMPTY: FormState = { userId: '', type: '', status: '', trigger: '', from: '', to: '' };

function toFilter(f: FormState): HistoryFilter {
  return {
    userId: f.userId.trim() || undefined,
    type: (f.type || undefined) as HistoryFilter['type'],
    status: (f.status || undefined) as HistoryFilter['status'],
    trigger: (f.trigger || undefined) as HistoryFilter['trigger'],
    from: localInputToIso(f.from),
    to: localInputToIso(f.to),
  };
}

export function HistoryView() {
  const filter = useStore((s) => s.historyFilter);
  const page = useStore((s) => s.historyPage);
  const loading = useStore((s) => s.historyLoading);
  const error = useStore((s) => s.historyError);
  const selectedRunId = useStore((s) => s.selectedRunId);
  const load = useStore((s) => s.loadHistory);
  const openRun = useStore((s) => s.openRun);
  const [form, setForm] = useState<FormState>({ ...EMPTY, userId: filter.userId ?? '' });

  useEffect(() => {
    void load();
  }, [load]);
  // Another view may set the filter (e.g. "All runs of this user"): mirror it in the form.
  useEffect(() => {
    setForm((f) => ({ ...f, userId: filter.userId ?? '' }));
  }, [filter.userId]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(toFilter(form), 0);
  };
  const field = (key: keyof FormState) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });

  return (
    <div className="view history-view">
      <form className="filters" onSubmit={submit} aria-label="History filters">
        <label className="field">
          <span>User</span>
          <input {...field('userId')} placeholder="user id" spellCheck={false} />
        </label>
        <Select label="Type" options={SYNC_TYPES} {...field('type')} />
        <Select label="Status" options={RUN_STATUSES} {...field('status')} />
        <Select label="Trigger" options={RUN_TRIGGERS} {...field('trigger')} />
        <label className="field">
          <span>From</span>
          <input type="datetime-local" {...field('from')} />
        </label>
        <label className="field">
          <span>To</span>
          <input type="datetime-local" {...field('to')} />
        </label>
        <div className="filter-actions">
          <button type="submit" className="btn btn-primary" disabled={loading}>
            Apply filters
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              setForm(EMPTY);
              void load({}, 0);
            }}
          >
            Reset
          </button>
        </div>
      </form>
      {error && <ErrorNotice error={error} title="History could not be loaded" onRetry={() => void load()} />}
      <div className={selectedRunId ? 'split' : undefined}>
        <div>
          {page && (
            <>
              <RunsTable
                runs={page.items}
                label="Runs"
                onOpen={(id) => void openRun(id)}
                selectedId={selectedRunId}
                empty="No runs match these filters."
                compact={!!selectedRunId}
              />
              <Pager label="Runs" offset={page.offset} limit={page.limit} total={page.total} onPage={(o) => void load(undefined, o)} />
            </>
          )}
        </div>
        {selectedRunId && <RunDetailPanel />}
      </div>
    </div>
  );
}

export function Select({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly string[];
  value: string;
  onChange: (e: { target: { value: string } }) => void;
}) {
  const id = useId();
  // label/for, not a wrapping label: a wrapped select's options would join the label's name.
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={onChange}>
        <option value="">any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}
