import type { Page, RunDetail, SyncRun } from '../../../../shared/domain';
import type { ListHistoryInput } from '../../../../shared/api-inputs';
import type { ErrorInfo } from '../../../../shared/errors';
import type { SliceCreator } from '../../store/types';
import { api, toErrorInfo, unwrap } from '../../lib/api-call';

export const HISTORY_PAGE_SIZE = 50;
export type HistoryFilter = Omit<ListHistoryInput, 'offset' | 'limit'>;

export interface HistorySlice {
  historyFilter: HistoryFilter;
  historyPage: Page<SyncRun> | null;
  historyLoading: boolean;
  historyError: ErrorInfo | null;
  selectedRunId: string | null;
  runDetail: RunDetail | null;
  runDetailError: ErrorInfo | null;
  loadHistory(filter?: HistoryFilter, offset?: number): Promise<void>;
  openRun(runId: string | null): Promise<void>;
  /** Jumps to History filtered to one user (from the user detail). */
  showUserHistory(userId: string): void;
  /** Jumps to History with one run's detail open (from Overview or a user's recent runs). */
  openRunInHistory(runId: string): void;
}

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get) => ({
  historyFilter: {},
  historyPage: null,
  historyLoading: false,
  historyError: null,
  selectedRunId: null,
  runDetail: null,
  runDetailError: null,

  loadHistory: async (filter, offset = 0) => {
    const f = filter ?? get().historyFilter;
    set({ historyFilter: f, historyLoading: true });
    try {
      const page = await unwrap(api().listHistory({ ...f, offset, limit: HISTORY_PAGE_SIZE }));
      set({ historyPage: page, historyError: null, historyLoading: false });
    } catch (err) {
      set({ historyError: toErrorInfo(err), historyLoading: false });
    }
  },

  openRun: async (runId) => {
    set({ selectedRunId: runId, runDetail: null, runDetailError: null });
    if (!runId) return;
    try {
      const detail = await unwrap(api().getRunDetail({ runId }));
      if (get().selectedRunId === runId) set({ runDetail: detail });
    } catch (err) {
      if (get().selectedRunId === runId) set({ runDetailError: toErrorInfo(err) });
    }
  },

  showUserHistory: (userId) => {
    set({ view: 'history', selectedRunId: null, runDetail: null });
    void get().loadHistory({ userId });
  },

  openRunInHistory: (runId) => {
    set({ view: 'history' });
    if (!get().historyPage) void get().loadHistory();
    void get().openRun(runId);
  },
});
