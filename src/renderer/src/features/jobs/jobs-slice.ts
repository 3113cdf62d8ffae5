/**
 * Live jobs: progress and log lines from events, keyed by run id. Other slices read from here; the
 * finished event also fans out (toast, detail refresh, table refresh) because it is the one moment
 * several views care about.
 */
import type { JobInfo, JobProgress, LogLevel, SyncRun } from '../../../../shared/domain';
import type { AppState, SliceCreator } from '../../store/types';
import { api, toErrorInfo, unwrap } from '../../lib/api-call';

export interface LiveLogLine {
  time: string;
  level: LogLevel;
  message: string;
}

export interface JobsSlice {
  /** Jobs queued or running, by run id. */
  activeJobs: Record<string, JobInfo>;
  jobLogs: Record<string, LiveLogLine[]>;
  /** Terminal runs seen through events, by run id (so a view can show how its job ended). */
  finishedRuns: Record<string, SyncRun>;
  cancelling: Record<string, boolean>;
  loadJobs(): Promise<void>;
  cancelJob(runId: string): Promise<void>;
  /** Registers jobs that were just started so their progress shows before the first event. */
  trackStarted(started: { userId: string; runId: string }[], type: JobInfo['type'], trigger?: JobInfo['trigger']): void;
  onJobProgress(progress: JobProgress): void;
  onJobLog(line: { runId: string; userId: string; time: string; level: LogLevel; message: string }): void;
  onJobFinished(run: SyncRun): void;
}

/** Enough to read a long run; the full log is in History. */
const MAX_LOG_LINES = 2000;
/** Finished runs whose outcome and live log stay in memory. */
const KEEP_FINISHED = 50;

let refreshTimer: ReturnType<typeof setTimeout> | null = null;

type Notifier = Pick<AppState, 'notify' | 'activeJobs'>;

function notifyRun(run: SyncRun, st: Notifier): void {
  const what = `${run.type} sync of user ${run.userId}`;
  if (run.status === 'succeeded') {
    st.notify({ kind: 'success', title: 'Sync finished', message: `${what} succeeded.` });
  } else if (run.status === 'cancelled') {
    st.notify({ kind: 'info', title: 'Sync cancelled', message: `${what} was cancelled.` });
  } else {
    st.notify({
      kind: run.status === 'partial' ? 'info' : 'error',
      title: run.status === 'partial' ? 'Sync partly failed' : 'Sync failed',
      message: `${what}: ${(run.error ?? run.status).replace(/\.+$/, '')}. See History for the log.`,
    });
  }
}

/**
 * Bulk and scheduled syncs finish many runs in a burst: one summary when the last of them ends,
 * instead of a notification per user.
 */
const batch = { succeeded: 0, other: 0 };
function noteBatchRun(run: SyncRun, st: Notifier): void {
  if (run.status === 'succeeded') batch.succeeded++;
  else batch.other++;
  // Jobs first seen through progress events carry no trigger, so wait for every active job.
  if (Object.keys(st.activeJobs).length > 0) return;
  const total = batch.succeeded + batch.other;
  st.notify({
    kind: batch.other ? 'error' : 'success',
    title: `${total} sync job${total === 1 ? '' : 's'} finished`,
    message: batch.other
      ? `${batch.succeeded} succeeded, ${batch.other} did not. Filter History by status to see which.`
      : `All ${total} succeeded.`,
  });
  batch.succeeded = 0;
  batch.other = 0;
}

export const createJobsSlice: SliceCreator<JobsSlice> = (set, get) => ({
  activeJobs: {},
  jobLogs: {},
  finishedRuns: {},
  cancelling: {},

  loadJobs: async () => {
    try {
      const jobs = await unwrap(api().listJobs());
      set({ activeJobs: Object.fromEntries(jobs.map((j) => [j.runId, j])) });
    } catch (err) {
      get().notifyError('Could not list running jobs', toErrorInfo(err));
    }
  },

  cancelJob: async (runId) => {
    set((s) => ({ cancelling: { ...s.cancelling, [runId]: true } }));
    try {
      const found = await unwrap(api().cancelSync({ runId }));
      if (!found) {
        get().notify({ kind: 'info', title: 'Nothing to cancel', message: 'The job had already finished.' });
        set((s) => ({ cancelling: { ...s.cancelling, [runId]: false } }));
      }
      // On success the button stays (disabled, "Cancelling…") until job:finished arrives.
    } catch (err) {
      set((s) => ({ cancelling: { ...s.cancelling, [runId]: false } }));
      get().notifyError('Cancel failed', toErrorInfo(err));
    }
  },

  trackStarted: (started, type, trigger = 'manual') => {
    const now = new Date().toISOString();
    set((s) => {
      const activeJobs = { ...s.activeJobs };
      for (const { userId, runId } of started) {
        if (activeJobs[runId] || s.finishedRuns[runId]) continue;
        activeJobs[runId] = {
          runId,
          userId,
          type,
          status: 'queued',
          trigger,
          queuedAt: now,
          progress: { runId, userId, type, phase: 'queued', current: null, counts: {}, totals: {} },
        };
      }
      return { activeJobs };
    });
  },

  onJobProgress: (progress) => {
    // A late progress event must not resurrect a job that already finished.
    if (get().finishedRuns[progress.runId]) return;
    set((s) => {
      const prev = s.activeJobs[progress.runId];
      const job: JobInfo = prev
        ? { ...prev, status: progress.phase === 'queued' ? 'queued' : 'running', progress }
        : {
            runId: progress.runId,
            userId: progress.userId,
            type: progress.type,
            status: progress.phase === 'queued' ? 'queued' : 'running',
            trigger: 'manual',
            queuedAt: new Date().toISOString(),
            progress,
          };
      return { activeJobs: { ...s.activeJobs, [progress.runId]: job } };
    });
  },

  onJobLog: ({ runId, time, level, message }) =>
    set((s) => {
      const lines = s.jobLogs[runId] ?? [];
      const next = lines.length >= MAX_LOG_LINES ? lines.slice(lines.length - MAX_LOG_LINES + 1) : lines.slice();
      next.push({ time, level, message });
      return { jobLogs: { ...s.jobLogs, [runId]: next } };
    }),

  onJobFinished: (run) => {
    set((s) => {
      const activeJobs = { ...s.activeJobs };
      delete activeJobs[run.id];
      const cancelling = { ...s.cancelling };
      delete cancelling[run.id];
      const finishedRuns = { ...s.finishedRuns, [run.id]: run };
      const jobLogs = { ...s.jobLogs };
      // A bulk sync of thousands of users must not keep every log in memory: keep the latest few
      // finished runs (and the one the user detail shows); History has the rest.
      const finishedIds = Object.keys(finishedRuns);
      for (const id of finishedIds.slice(0, Math.max(0, finishedIds.length - KEEP_FINISHED))) {
        if (id === s.detailRunId) continue;
        delete finishedRuns[id];
        delete jobLogs[id];
      }
      return { activeJobs, cancelling, finishedRuns, jobLogs };
    });
    const st = get();
    if (run.trigger === 'bulk' || run.trigger === 'schedule') noteBatchRun(run, st);
    else notifyRun(run, st);
    if (st.view === 'user' && st.detailUserId === run.userId) void st.loadUserDetail(run.userId, { quiet: true });
    // Bulk syncs finish many jobs in a burst: refresh the lists once per burst.
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      const now = get();
      if (now.view === 'overview') void now.loadOverview();
      now.refreshUsers();
    }, 800);
  },
});
