/**
 * The job queue: one job per user at a time, a global concurrency limit, cancellation through an
 * AbortController per job. Every accepted job has a run in the store from the moment it is queued,
 * so a crash leaves a trace (marked interrupted on the next start) rather than nothing.
 */
import { randomUUID } from 'node:crypto';
import type { JobInfo, JobProgress, RunTrigger, SyncRun, SyncType } from '../../../shared/domain';
import type { Store } from '../store';
import type { SyncSettingsInForce } from './run-context';

export interface JobRequest {
  userId: string;
  type: SyncType;
  trigger: RunTrigger;
  actor: string;
  settings: SyncSettingsInForce;
}

interface Entry {
  info: JobInfo;
  settings: SyncSettingsInForce;
  controller: AbortController;
  done: Promise<SyncRun>;
  resolve: (run: SyncRun) => void;
}

export type RunJob = (
  job: { runId: string; userId: string; type: SyncType; settings: SyncSettingsInForce; signal: AbortSignal },
  onProgress: (p: JobProgress) => void,
) => Promise<SyncRun>;

export class JobQueue {
  private readonly byRun = new Map<string, Entry>();
  private readonly byUser = new Map<string, string>();
  private readonly waiting: Entry[] = [];
  private running = 0;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly run: RunJob,
    private readonly concurrency: number,
    private readonly onFinished: (run: SyncRun) => void,
  ) {}

  /** Queues a job, or says why not (a job for that user is already queued or running). */
  submit(req: JobRequest): { runId: string } | { refused: string } {
    if (this.closed) return { refused: 'the sync service is shutting down' };
    const busy = this.byUser.get(req.userId);
    if (busy) {
      const other = this.byRun.get(busy)!;
      return {
        refused: `user ${req.userId} already has a ${other.info.type} sync ${other.info.status} (run ${busy}); wait for it to finish or cancel it`,
      };
    }
    const runId = randomUUID();
    const run = this.store.runs.create({
      id: runId,
      userId: req.userId,
      type: req.type,
      trigger: req.trigger,
      actor: req.actor,
      transactionLimit: req.settings.transactionLimit,
    });
    let resolve!: (r: SyncRun) => void;
    const done = new Promise<SyncRun>((r) => (resolve = r));
    const entry: Entry = {
      info: {
        runId,
        userId: req.userId,
        type: req.type,
        status: 'queued',
        trigger: req.trigger,
        queuedAt: run.queuedAt,
        progress: { runId, userId: req.userId, type: req.type, phase: 'queued', current: null, counts: {}, totals: {} },
      },
      settings: req.settings,
      controller: new AbortController(),
      done,
      resolve,
    };
    this.byRun.set(runId, entry);
    this.byUser.set(req.userId, runId);
    this.waiting.push(entry);
    this.pump();
    return { runId };
  }

  /** Asks a job to stop. A queued job ends at once; a running one stops between batches. */
  cancel(runId: string): boolean {
    const entry = this.byRun.get(runId);
    if (!entry) return false;
    entry.controller.abort();
    const i = this.waiting.indexOf(entry);
    if (i >= 0) {
      this.waiting.splice(i, 1);
      const run = this.store.runs.finish(runId, { status: 'cancelled', error: 'cancelled before it started', counts: {} });
      this.settle(entry, run);
    }
    return true;
  }

  list(): JobInfo[] {
    return [...this.byRun.values()].map((e) => structuredClone(e.info));
  }

  get(runId: string): JobInfo | null {
    const e = this.byRun.get(runId);
    return e ? structuredClone(e.info) : null;
  }

  forUser(userId: string): JobInfo | null {
    const runId = this.byUser.get(userId);
    return runId ? this.get(runId) : null;
  }

  /** Resolves with the finished run (immediately null when the job is unknown or already gone). */
  wait(runId: string): Promise<SyncRun | null> {
    return this.byRun.get(runId)?.done ?? Promise.resolve(null);
  }

  /** Stops accepting work, cancels everything, waits for running jobs to end. */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.byRun.values()];
    for (const e of all) this.cancel(e.info.runId);
    await Promise.all(all.map((e) => e.done));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const entry = this.waiting.shift()!;
      this.running += 1;
      entry.info.status = 'running';
      void this.execute(entry);
    }
  }

  private async execute(entry: Entry): Promise<void> {
    const { runId, userId, type } = entry.info;
    let run: SyncRun;
    try {
      run = await this.run({ runId, userId, type, settings: entry.settings, signal: entry.controller.signal }, (p) => {
        entry.info.progress = p;
      });
    } catch (err) {
      // runSync records its own failures; this only catches a failure to record one.
      const error = err instanceof Error ? err.message : String(err);
      try {
        run = this.store.runs.finish(runId, { status: 'failed', error, counts: entry.info.progress.counts });
      } catch {
        run = { ...this.fallbackRun(entry), status: 'failed', error };
      }
    } finally {
      this.running -= 1;
    }
    this.settle(entry, run);
    this.pump();
  }

  private fallbackRun(entry: Entry): SyncRun {
    return {
      id: entry.info.runId,
      userId: entry.info.userId,
      type: entry.info.type,
      trigger: entry.info.trigger,
      actor: '',
      status: 'failed',
      transactionLimit: entry.settings.transactionLimit,
      queuedAt: entry.info.queuedAt,
      startedAt: null,
      finishedAt: new Date().toISOString(),
      counts: entry.info.progress.counts,
      error: null,
    };
  }

  private settle(entry: Entry, run: SyncRun): void {
    this.byRun.delete(entry.info.runId);
    if (this.byUser.get(entry.info.userId) === entry.info.runId) this.byUser.delete(entry.info.userId);
    entry.resolve(run);
    this.onFinished(run);
  }
}
