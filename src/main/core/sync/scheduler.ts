/**
 * Scheduled syncs (SYNC_AUTO_ENABLED, SYNC_INTERVAL_HOURS): every interval, a sync of every user,
 * triggered as 'schedule'. The time of the last scheduled round is kept in the store, so restarting
 * the console neither skips a due round nor starts an extra one. A fresh install waits one interval
 * before its first round rather than syncing everyone the moment it opens.
 */
export interface SchedulerOptions {
  enabled: () => boolean;
  intervalHours: () => number;
  lastRoundAt: () => string | null;
  setLastRoundAt: (iso: string) => void;
  /** Starts the round (queues jobs); resolves when they are queued, not when they finish. */
  startRound: () => Promise<void>;
  onError: (err: unknown) => void;
  now?: () => Date;
  /** How often to look whether a round is due. */
  tickMs?: number;
}

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(private readonly o: SchedulerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.o.tickMs ?? 60_000);
    this.timer.unref();
    void this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Exposed for tests: one look at whether a round is due, and the round if so. */
  async tick(): Promise<boolean> {
    if (this.busy || !this.o.enabled()) return false;
    const now = (this.o.now ?? (() => new Date()))();
    const last = this.o.lastRoundAt();
    if (!last) {
      this.o.setLastRoundAt(now.toISOString());
      return false;
    }
    if (now.getTime() - Date.parse(last) < this.o.intervalHours() * 3_600_000) return false;
    this.busy = true;
    try {
      this.o.setLastRoundAt(now.toISOString());
      await this.o.startRound();
      return true;
    } catch (err) {
      this.o.onError(err);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
