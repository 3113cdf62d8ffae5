import { useEffect } from 'react';
import { useStore } from '../../store';
import { ErrorNotice } from '../../components/error-notice';
import { FilterForm } from '../../components/filter-form';
import { Pager } from '../../components/pager';
import { SelectField } from '../../components/select-field';
import { TimeRangeFields } from '../../components/time-range-fields';
import { formatCount, formatTime, localInputToIso } from '../../lib/format';
import { useFilterForm } from '../../lib/use-filter-form';
import type { AuditFilter } from './audit-slice';

interface FormState {
  actor: string;
  action: string;
  userId: string;
  outcome: string;
  from: string;
  to: string;
}
const EMPTY: FormState = { actor: '', action: '', userId: '', outcome: '', from: '', to: '' };

function toFilter(f: FormState): AuditFilter {
  return {
    actor: f.actor.trim() || undefined,
    action: f.action.trim() || undefined,
    userId: f.userId.trim() || undefined,
    outcome: (f.outcome || undefined) as AuditFilter['outcome'],
    from: localInputToIso(f.from),
    to: localInputToIso(f.to),
  };
}

export function AuditView() {
  const page = useStore((s) => s.auditPage);
  const loading = useStore((s) => s.auditLoading);
  const error = useStore((s) => s.auditError);
  const exporting = useStore((s) => s.auditExporting);
  const exported = useStore((s) => s.auditExport);
  const exportError = useStore((s) => s.auditExportError);
  const load = useStore((s) => s.loadAudit);
  const exportAudit = useStore((s) => s.exportAudit);
  const { form, setForm, field } = useFilterForm<FormState>(EMPTY);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="view audit-view">
      <FilterForm
        label="Audit filters"
        busy={loading}
        onApply={() => void load(toFilter(form), 0)}
        onReset={() => {
          setForm(EMPTY);
          void load({}, 0);
        }}
        actions={
          <button type="button" className="btn" disabled={exporting} onClick={() => void exportAudit()}>
            {exporting ? 'Exporting…' : 'Export CSV'}
          </button>
        }
      >
        <label className="field">
          <span>Actor</span>
          <input {...field('actor')} spellCheck={false} />
        </label>
        <label className="field">
          <span>Action</span>
          <input {...field('action')} placeholder="e.g. sync.start" spellCheck={false} />
        </label>
        <label className="field">
          <span>User</span>
          <input {...field('userId')} placeholder="user id" spellCheck={false} />
        </label>
        <SelectField label="Outcome" options={['ok', 'error']} anyOption {...field('outcome')} />
        <TimeRangeFields from={field('from')} to={field('to')} />
      </FilterForm>
      {exported && (
        <p className="notice notice-ok" role="status">
          {exported.filePath
            ? `Exported ${formatCount(exported.rows)} rows to ${exported.filePath}.`
            : 'Export cancelled: no file was written.'}
        </p>
      )}
      {exportError && <ErrorNotice error={exportError} title="Export failed" />}
      {error && <ErrorNotice error={error} title="Audit log could not be loaded" onRetry={() => void load()} />}
      {page && (
        <>
          <div className="table-wrap">
            <table className="table" aria-label="Audit log">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">User</th>
                  <th scope="col">Parameters</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Error</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">{formatTime(e.time)}</td>
                    <td>{e.actor}</td>
                    <td className="mono">{e.action}</td>
                    <td className="mono">{e.userId ?? '—'}</td>
                    <td className="mono small truncate" title={JSON.stringify(e.params)}>
                      {JSON.stringify(e.params)}
                    </td>
                    <td>
                      <span className={`badge ${e.outcome === 'ok' ? 'tone-ok' : 'tone-bad'}`}>{e.outcome}</span>
                    </td>
                    <td className="small error-text">{e.error ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page.items.length === 0 && <p className="muted">No audit entries match.</p>}
          <Pager label="Audit" offset={page.offset} limit={page.limit} total={page.total} onPage={(o) => void load(undefined, o)} />
        </>
      )}
    </div>
  );
}
