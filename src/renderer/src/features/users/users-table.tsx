/**
 * The users table: div rows with ARIA table roles, because a virtualised list positions rows
 * absolutely and <table> layout cannot do that. Only the rows on screen (plus overscan) exist in the
 * DOM; pages are fetched from main as the visible range reaches them.
 */
import { memo, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useStore } from '../../store';
import type { UserRow } from '../../../../shared/domain';
import { DATA_TYPES } from '../../../../shared/domain';
import { OverallBadge, StateChip } from '../../components/badges';
import { SHORT_TYPE_LABEL, formatAgo, formatCount, formatTime } from '../../lib/format';
import { USERS_PAGE_SIZE, type UserSort } from './users-slice';

const ROW_HEIGHT = 44;

const COLUMNS: { key: string; label: string; sort?: UserSort; className?: string }[] = [
  { key: 'id', label: 'User ID', sort: 'id' },
  { key: 'email', label: 'Email', sort: 'email' },
  { key: 'accounts', label: 'Accounts', sort: 'accounts', className: 'num' },
  { key: 'transactions', label: 'Transactions', sort: 'transactions', className: 'num' },
  { key: 'states', label: 'Per type' },
  { key: 'overall', label: 'Status' },
  { key: 'last', label: 'Last sync' },
];

export function UsersTable() {
  const total = useStore((s) => s.usersTotal);
  const pages = useStore((s) => s.userPages);
  const query = useStore((s) => s.usersQuery);
  const selected = useStore((s) => s.selectedUsers);
  const ensureRows = useStore((s) => s.ensureUserRows);
  const setSort = useStore((s) => s.setUsersSort);
  const selectUsers = useStore((s) => s.selectUsers);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total !== null) ensureRows(first, last);
  }, [first, last, total, pages, ensureRows]);

  // A new search or sort starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [query]);

  const rowAt = (i: number): UserRow | undefined => pages[Math.floor(i / USERS_PAGE_SIZE)]?.[i % USERS_PAGE_SIZE];
  const visibleRows = items.map((it) => rowAt(it.index)).filter((r): r is UserRow => !!r);
  const allVisibleSelected = visibleRows.length > 0 && visibleRows.every((r) => selected.has(r.id));

  return (
    <div className="vtable" role="table" aria-label="Users" aria-rowcount={(total ?? 0) + 1}>
      <div role="rowgroup" className="vtable-head">
        <div role="row" className="vrow users-grid" aria-rowindex={1}>
          <div role="columnheader" className="cell-check">
            <input
              type="checkbox"
              aria-label="Select visible users"
              checked={allVisibleSelected}
              disabled={visibleRows.length === 0}
              onChange={(e) => selectUsers(visibleRows.map((r) => r.id), e.target.checked)}
            />
          </div>
          {COLUMNS.map((c) => {
            const active = c.sort && query.sort === c.sort;
            return (
              <div
                key={c.key}
                role="columnheader"
                className={c.className}
                aria-sort={active ? (query.direction === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {c.sort ? (
                  <button type="button" className="sort-button" onClick={() => setSort(c.sort!)}>
                    {c.label}
                    <span aria-hidden="true" className="sort-mark">
                      {active ? (query.direction === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                ) : (
                  c.label
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div ref={scrollRef} className="vtable-body" role="rowgroup">
        {total === 0 && <p className="muted empty">No users match.</p>}
        <div className="vtable-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((it) => {
            const row = rowAt(it.index);
            return (
              <div
                key={it.key}
                className="vtable-slot"
                style={{ transform: `translateY(${it.start}px)`, height: ROW_HEIGHT }}
              >
                {row ? (
                  <UserRowView row={row} index={it.index} selected={selected.has(row.id)} />
                ) : (
                  <div role="row" className="vrow users-grid loading-row" aria-rowindex={it.index + 2}>
                    <div role="cell" className="muted">
                      Loading…
                    </div>
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

const UserRowView = memo(function UserRowView({ row, index, selected }: { row: UserRow; index: number; selected: boolean }) {
  const openUser = useStore((s) => s.openUser);
  const toggle = useStore((s) => s.toggleUserSelected);
  return (
    <div
      role="row"
      className={`vrow users-grid clickable${selected ? ' selected' : ''}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-user-id={row.id}
      onClick={() => openUser(row.id)}
    >
      <div role="cell" className="cell-check" onClick={(e) => e.stopPropagation()}>
        <input type="checkbox" aria-label={`Select ${row.id}`} checked={selected} onChange={() => toggle(row.id)} />
      </div>
      <div role="cell" className="mono truncate">
        <button
          type="button"
          className="link"
          onClick={(e) => {
            e.stopPropagation();
            openUser(row.id);
          }}
        >
          {row.id}
        </button>
      </div>
      <div role="cell" className="truncate" title={row.email}>
        {row.email}
      </div>
      <div role="cell" className="num">
        {formatCount(row.accountCount)}
      </div>
      <div role="cell" className="num">
        {formatCount(row.transactionCount)}
      </div>
      <div role="cell" className="chips">
        {DATA_TYPES.map((t) => (
          <StateChip key={t} state={row.states[t]} label={SHORT_TYPE_LABEL[t]} />
        ))}
      </div>
      <div role="cell">
        <OverallBadge status={row.overall} />
      </div>
      <div role="cell" className="small" title={formatTime(row.lastSyncedAt)}>
        {formatAgo(row.lastSyncedAt)}
      </div>
    </div>
  );
});
