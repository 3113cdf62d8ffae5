import { useState, type FormEvent } from 'react';
import { useStore } from '../../store';
import { SYNC_TYPES, type SyncType } from '../../../../shared/domain';
import { ErrorNotice } from '../../components/error-notice';
import { SelectField } from '../../components/select-field';

/** Manual sync of the open user: type choice and an optional transaction limit. */
export function SyncForm() {
  const starting = useStore((s) => s.detailStarting);
  const syncError = useStore((s) => s.detailSyncError);
  const running = useStore((s) => (s.detailRunId ? !!s.activeJobs[s.detailRunId] : false));
  const sync = useStore((s) => s.syncDetailUser);
  const [type, setType] = useState<SyncType>('all');
  const [limit, setLimit] = useState('');
  const [limitError, setLimitError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    let n: number | undefined;
    if (limit.trim() !== '') {
      n = Number(limit);
      if (!Number.isInteger(n) || n < 0) {
        setLimitError('The transaction limit is a whole number: 0 for all, or leave it empty for the configured limit.');
        return;
      }
    }
    setLimitError(null);
    void sync(type, n);
  };

  return (
    <form className="sync-form" onSubmit={submit} aria-label="Manual sync">
      <SelectField label="Type" options={SYNC_TYPES} value={type} onChange={(e) => setType(e.target.value as SyncType)} />
      <label className="field">
        <span>Transaction limit</span>
        <input
          inputMode="numeric"
          value={limit}
          placeholder="configured"
          aria-invalid={!!limitError}
          aria-describedby={limitError ? 'limit-error' : undefined}
          onChange={(e) => setLimit(e.target.value)}
        />
      </label>
      <button type="submit" className="btn btn-primary" disabled={starting || running}>
        {starting ? 'Starting…' : running ? 'Sync running…' : 'Sync now'}
      </button>
      {limitError && (
        <p id="limit-error" className="field-error" role="alert">
          {limitError}
        </p>
      )}
      {syncError && <ErrorNotice error={syncError} title="Sync could not start" />}
    </form>
  );
}
