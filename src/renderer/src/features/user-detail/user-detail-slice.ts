import type { SyncType, UserDetail } from '../../../../shared/domain';
import type { ErrorInfo } from '../../../../shared/errors';
import type { SliceCreator } from '../../store/types';
import { api, toErrorInfo, unwrap } from '../../lib/api-call';

export interface UserDetailSlice {
  detailUserId: string | null;
  userDetail: UserDetail | null;
  detailLoading: boolean;
  detailError: ErrorInfo | null;
  /** The run this view started or found running; its progress and log show under the card. */
  detailRunId: string | null;
  detailSyncError: ErrorInfo | null;
  detailStarting: boolean;
  loadUserDetail(userId: string, opts?: { quiet?: boolean }): Promise<void>;
  syncDetailUser(type: SyncType, limit?: number): Promise<void>;
}

export const createUserDetailSlice: SliceCreator<UserDetailSlice> = (set, get) => ({
  detailUserId: null,
  userDetail: null,
  detailLoading: false,
  detailError: null,
  detailRunId: null,
  detailSyncError: null,
  detailStarting: false,

  loadUserDetail: async (userId, opts) => {
    const switching = get().detailUserId !== userId;
    set({
      detailUserId: userId,
      detailLoading: true,
      detailError: null,
      ...(switching ? { userDetail: null, detailRunId: null, detailSyncError: null } : {}),
    });
    if (!opts?.quiet) void get().loadJobs();
    try {
      const detail = await unwrap(api().getUserDetail({ userId }));
      if (get().detailUserId !== userId) return;
      set((s) => ({
        userDetail: detail,
        detailLoading: false,
        // Keep showing the finished run's log; adopt a job that runs for this user (e.g. bulk-started).
        detailRunId: detail.activeJob?.runId ?? s.detailRunId,
      }));
      if (detail.activeJob) {
        const job = detail.activeJob;
        set((s) => (s.activeJobs[job.runId] ? {} : { activeJobs: { ...s.activeJobs, [job.runId]: job } }));
      }
    } catch (err) {
      if (get().detailUserId === userId) set({ detailError: toErrorInfo(err), detailLoading: false });
    }
  },

  syncDetailUser: async (type, limit) => {
    const userId = get().detailUserId;
    if (!userId) return;
    set({ detailStarting: true, detailSyncError: null });
    try {
      const result = await unwrap(api().startSync({ users: [userId], type, limit, trigger: 'manual' }));
      const started = result.started.find((s) => s.userId === userId);
      if (!started) {
        const reason = result.refused.find((r) => r.userId === userId)?.reason ?? 'the sync was refused';
        const code = /not found|unknown/i.test(reason) ? 'NOT_FOUND' : 'BUSY';
        set({ detailSyncError: { code, message: reason } });
        return;
      }
      get().trackStarted([started], type);
      set({ detailRunId: started.runId });
    } catch (err) {
      set({ detailSyncError: toErrorInfo(err) });
    } finally {
      set({ detailStarting: false });
    }
  },
});
