/**
 * Job progress arrives as fast as batches are written; the renderer needs a few updates a second.
 * Per run: the first update goes out at once, later ones at most every `intervalMs`, and the newest
 * pending state is always delivered (on its timer, or by flush() before 'job:finished').
 */
import type { JobProgress } from '../../shared/domain';

export interface ProgressThrottle {
  push(progress: JobProgress): void;
  /** Sends a run's pending update now (call before announcing that the run finished). */
  flush(runId: string): void;
  /** Drops every pending update and timer (window closed, app quitting). */
  dispose(): void;
}

export function createProgressThrottle(
  send: (progress: JobProgress) => void,
  intervalMs = 250,
  now: () => number = Date.now,
): ProgressThrottle {
  const lastSent = new Map<string, number>();
  const pending = new Map<string, JobProgress>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const deliver = (runId: string): void => {
    const timer = timers.get(runId);
    if (timer !== undefined) clearTimeout(timer);
    timers.delete(runId);
    const progress = pending.get(runId);
    if (!progress) return;
    pending.delete(runId);
    lastSent.set(runId, now());
    send(progress);
  };

  return {
    push(progress) {
      const runId = progress.runId;
      pending.set(runId, progress);
      if (timers.has(runId)) return; // a send is already scheduled; it will carry this newest state
      const last = lastSent.get(runId);
      const wait = last === undefined ? 0 : last + intervalMs - now();
      if (wait <= 0) deliver(runId);
      else timers.set(runId, setTimeout(() => deliver(runId), wait));
    },
    flush(runId) {
      deliver(runId);
      lastSent.delete(runId);
    },
    dispose() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      pending.clear();
      lastSent.clear();
    },
  };
}
