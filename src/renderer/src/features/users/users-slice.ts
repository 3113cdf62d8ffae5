/**
 * Server-paged users: pages of PAGE_SIZE rows are fetched as the virtual table scrolls to them, so
 * 100,000 users never cross IPC at once. A new search or sort starts a new generation; answers that
 * belong to an older generation are dropped.
 */
import type { SyncType, UserRow } from '../../../../shared/domain';
import type { ListUsersInput } from '../../../../shared/api-inputs';
import type { ErrorInfo } from '../../../../shared/errors';
import type { SliceCreator } from '../../store/types';
import { api, toErrorInfo, unwrap } from '../../lib/api-call';

export const USERS_PAGE_SIZE = 100;
export type UserSort = NonNullable<ListUsersInput['sort']>;

export interface UsersQuery {
  search: string;
  sort: UserSort;
  direction: 'asc' | 'desc';
}

export interface UsersSlice {
  usersQuery: UsersQuery;
  usersTotal: number | null;
  userPages: Record<number, UserRow[]>;
  usersGeneration: number;
  usersError: ErrorInfo | null;
  selectedUsers: ReadonlySet<string>;
  bulkSyncing: boolean;
  setUsersSearch(search: string): void;
  setUsersSort(sort: UserSort): void;
  /** Makes sure rows [start, end] are loaded or loading. */
  ensureUserRows(start: number, end: number): void;
  /** Re-reads the pages already loaded (after syncs), keeping rows on screen meanwhile. */
  refreshUsers(): void;
  toggleUserSelected(userId: string): void;
  selectUsers(userIds: string[], selected: boolean): void;
  clearUserSelection(): void;
  syncUsers(userIds: string[], type: SyncType, limit?: number): Promise<void>;
}

const inFlight = new Set<string>();
/** Pages the table showed last; a refresh re-reads only these. */
let visiblePages: number[] = [0];

export const createUsersSlice: SliceCreator<UsersSlice> = (set, get) => {
  async function fetchPage(page: number, generation: number): Promise<void> {
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    const { search, sort, direction } = get().usersQuery;
    try {
      const result = await unwrap(
        api().listUsers({
          search: search.trim() || undefined,
          sort,
          direction,
          offset: page * USERS_PAGE_SIZE,
          limit: USERS_PAGE_SIZE,
        }),
      );
      if (get().usersGeneration !== generation) return;
      set((s) => ({ usersTotal: result.total, userPages: { ...s.userPages, [page]: result.items }, usersError: null }));
    } catch (err) {
      if (get().usersGeneration === generation) set({ usersError: toErrorInfo(err) });
    } finally {
      inFlight.delete(key);
    }
  }

  function restart(query: Partial<UsersQuery>): void {
    const generation = get().usersGeneration + 1;
    set((s) => ({ usersQuery: { ...s.usersQuery, ...query }, usersGeneration: generation, userPages: {}, usersTotal: null }));
    void fetchPage(0, generation);
  }

  return {
    usersQuery: { search: '', sort: 'id', direction: 'asc' },
    usersTotal: null,
    userPages: {},
    usersGeneration: 0,
    usersError: null,
    selectedUsers: new Set<string>(),
    bulkSyncing: false,

    setUsersSearch: (search) => {
      if (search === get().usersQuery.search) return;
      restart({ search });
    },

    setUsersSort: (sort) => {
      const q = get().usersQuery;
      restart({ sort, direction: q.sort === sort && q.direction === 'asc' ? 'desc' : 'asc' });
    },

    ensureUserRows: (start, end) => {
      const { userPages, usersGeneration, usersTotal } = get();
      const last = usersTotal === null ? 0 : Math.max(0, Math.ceil(usersTotal / USERS_PAGE_SIZE) - 1);
      const from = Math.max(0, Math.floor(start / USERS_PAGE_SIZE));
      const to = Math.min(last, Math.floor(end / USERS_PAGE_SIZE));
      visiblePages = [];
      for (let p = from; p <= Math.max(from, to); p++) {
        visiblePages.push(p);
        if (!userPages[p]) void fetchPage(p, usersGeneration);
      }
    },

    refreshUsers: () => {
      const { userPages, usersGeneration } = get();
      if (Object.keys(userPages).length === 0) return;
      // Pages off screen are dropped (re-read when scrolled to); those on screen are re-read in place,
      // fresh rows replacing old ones when they arrive, so nothing flickers.
      const keep = Object.fromEntries(visiblePages.filter((p) => userPages[p]).map((p) => [p, userPages[p]]));
      set({ userPages: keep });
      for (const p of visiblePages) void fetchPage(p, usersGeneration);
    },

    toggleUserSelected: (userId) =>
      set((s) => {
        const next = new Set(s.selectedUsers);
        if (next.has(userId)) next.delete(userId);
        else next.add(userId);
        return { selectedUsers: next };
      }),

    selectUsers: (userIds, selected) =>
      set((s) => {
        const next = new Set(s.selectedUsers);
        for (const id of userIds) {
          if (selected) next.add(id);
          else next.delete(id);
        }
        return { selectedUsers: next };
      }),

    clearUserSelection: () => set({ selectedUsers: new Set<string>() }),

    syncUsers: async (userIds, type, limit) => {
      if (userIds.length === 0) return;
      set({ bulkSyncing: true });
      try {
        const trigger = userIds.length > 1 ? 'bulk' : 'manual';
        const result = await unwrap(api().startSync({ users: userIds, type, limit, trigger }));
        get().trackStarted(result.started, type, trigger);
        const refused = result.refused.map((r) => `${r.userId}: ${r.reason}`).join('; ');
        get().notify({
          kind: result.refused.length ? 'info' : 'success',
          title: `Sync started for ${result.started.length} of ${userIds.length} user(s)`,
          message: refused ? `Not started — ${refused}` : 'Progress shows on each user and in Overview.',
        });
        if (result.started.length) get().clearUserSelection();
      } catch (err) {
        get().notifyError('Sync could not start', toErrorInfo(err));
      } finally {
        set({ bulkSyncing: false });
      }
    },
  };
};
