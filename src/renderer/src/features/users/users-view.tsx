import { useEffect, useState } from 'react';
import { useStore } from '../../store';
import { SYNC_TYPES, type SyncType } from '../../../../shared/domain';
import { ErrorNotice } from '../../components/error-notice';
import { SelectField } from '../../components/select-field';
import { UsersTable } from './users-table';
import { formatCount } from '../../lib/format';

const SEARCH_DEBOUNCE_MS = 300;

export function UsersView() {
  const query = useStore((s) => s.usersQuery);
  const total = useStore((s) => s.usersTotal);
  const error = useStore((s) => s.usersError);
  const selected = useStore((s) => s.selectedUsers);
  const bulkSyncing = useStore((s) => s.bulkSyncing);
  const setSearch = useStore((s) => s.setUsersSearch);
  const refresh = useStore((s) => s.refreshUsers);
  const clearSelection = useStore((s) => s.clearUserSelection);
  const syncUsers = useStore((s) => s.syncUsers);
  const [text, setText] = useState(query.search);
  const [type, setType] = useState<SyncType>('all');

  // Debounce typing so a search runs once the operator pauses, not per keystroke.
  useEffect(() => {
    const t = setTimeout(() => setSearch(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, setSearch]);

  // First visit (or a refreshed list): load page 0 for the current query.
  useEffect(() => {
    const s = useStore.getState();
    if (s.usersTotal === null) s.ensureUserRows(0, 0);
    else refresh();
  }, [refresh]);

  return (
    <div className="view users-view">
      <div className="toolbar">
        <label className="field field-inline">
          <span>Search users</span>
          <input
            type="search"
            value={text}
            placeholder="id or email"
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
          />
        </label>
        <span className="muted" aria-live="polite">
          {total === null ? 'Loading…' : `${formatCount(total)} users`}
        </span>
        <span className="spacer" />
        <span className="muted">{selected.size} selected</span>
        <SelectField label="Sync type" options={SYNC_TYPES} value={type} onChange={(e) => setType(e.target.value as SyncType)} inline />
        <button
          type="button"
          className="btn btn-primary"
          disabled={selected.size === 0 || bulkSyncing}
          onClick={() => void syncUsers([...selected], type)}
        >
          {bulkSyncing ? 'Starting…' : 'Sync selected'}
        </button>
        <button type="button" className="btn" disabled={selected.size === 0} onClick={clearSelection}>
          Clear selection
        </button>
      </div>
      {error && <ErrorNotice error={error} title="Users could not be loaded" onRetry={refresh} />}
      <UsersTable />
    </div>
  );
}
