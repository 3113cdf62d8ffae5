import type { HealthReport, SyncRun, SyncSummary } from '../../../../shared/domain';
import type { ErrorInfo } from '../../../../shared/errors';
import type { SliceCreator } from '../../store/types';
import { api, toErrorInfo, unwrap } from '../../lib/api-call';

export interface OverviewTotals {
  users: number | null;
  runsLastDay: number | null;
  failedLastDay: number | null;
}

export interface OverviewSlice {
  health: HealthReport | null;
  healthLoading: boolean;
  healthError: ErrorInfo | null;
  totals: OverviewTotals;
  /** Users by overall badge; null until loaded or when PostgreSQL could not be counted. */
  syncSummary: SyncSummary | null;
  latestRuns: SyncRun[];
  overviewError: ErrorInfo | null;
  loadHealth(): Promise<void>;
  loadOverview(): Promise<void>;
  onHealthChanged(report: HealthReport): void;
}

const DAY_MS = 86_400_000;

export const createOverviewSlice: SliceCreator<OverviewSlice> = (set, get) => ({
  health: null,
  healthLoading: false,
  healthError: null,
  totals: { users: null, runsLastDay: null, failedLastDay: null },
  syncSummary: null,
  latestRuns: [],
  overviewError: null,

  loadHealth: async () => {
    set({ healthLoading: true });
    try {
      const health = await unwrap(api().getHealth());
      set({ health, healthError: null, healthLoading: false });
    } catch (err) {
      set({ healthError: toErrorInfo(err), healthLoading: false });
    }
  },

  loadOverview: async () => {
    void get().loadHealth();
    void get().loadJobs();
    const since = new Date(Date.now() - DAY_MS).toISOString();
    // Each figure loads on its own: PostgreSQL may be down while the history store still answers.
    // The users total comes with the badge counts, so the figures on screen always add up.
    // A finished job reloads the overview (jobs-slice onJobFinished), which refreshes the counts.
    const [summary, runs, lastDay, failed] = await Promise.allSettled([
      unwrap(api().getSyncSummary()),
      unwrap(api().listHistory({ limit: 8 })),
      unwrap(api().listHistory({ limit: 1, from: since })),
      unwrap(api().listHistory({ limit: 1, from: since, status: 'failed' })),
    ]);
    const firstError = [summary, runs, lastDay, failed].find((r) => r.status === 'rejected');
    set({
      syncSummary: summary.status === 'fulfilled' ? summary.value : null,
      totals: {
        users: summary.status === 'fulfilled' ? summary.value.users : null,
        runsLastDay: lastDay.status === 'fulfilled' ? lastDay.value.total : null,
        failedLastDay: failed.status === 'fulfilled' ? failed.value.total : null,
      },
      latestRuns: runs.status === 'fulfilled' ? runs.value.items : get().latestRuns,
      overviewError: firstError && firstError.status === 'rejected' ? toErrorInfo(firstError.reason) : null,
    });
  },

  onHealthChanged: (report) => set({ health: report, healthError: null }),
});
