import { useEffect } from 'react';
import { useStore } from '../../store';
import { RUN_STATUSES, RUN_TRIGGERS, SYNC_TYPES } from '../../../../shared/domain';
import { ErrorNotice } from '../../components/error-notice';
import { FilterForm } from '../../components/filter-form';
import { Pager } from '../../components/pager';
import { SelectField } from '../../components/select-field';
import { TimeRangeFields } from '../../components/time-range-fields';
import { RunsTable } from './runs-table';
import { RunDetailPanel } from './run-detail-panel';
import { localInputToIso } from '../../lib/format';
import { useFilterForm } from '../../lib/use-filter-form';
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
  const { form, setForm, field } = useFilterForm<FormState>({ ...EMPTY, userId: filter.userId ?? '' });

  useEffect(() => {
    void load();
  }, [load]);
  // Another view may set the filter (e.g. "All runs of this user"): mirror it in the form.
  useEffect(() => {
    setForm((f) => ({ ...f, userId: filter.userId ?? '' }));
  }, [filter.userId]);

  return (
    <div className="view history-view">
      <FilterForm
        label="History filters"
        busy={loading}
        onApply={() => void load(toFilter(form), 0)}
        onReset={() => {
          setForm(EMPTY);
          void load({}, 0);
        }}
      >
        <label className="field">
          <span>User</span>
          <input {...field('userId')} placeholder="user id" spellCheck={false} />
        </label>
        <SelectField label="Type" options={SYNC_TYPES} anyOption {...field('type')} />
        <SelectField label="Status" options={RUN_STATUSES} anyOption {...field('status')} />
        <SelectField label="Trigger" options={RUN_TRIGGERS} anyOption {...field('trigger')} />
        <TimeRangeFields from={field('from')} to={field('to')} />
      </FilterForm>
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
