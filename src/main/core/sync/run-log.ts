/**
 * A run's log: every line goes to the store (the history keeps it) and out as a live event.
 * Warnings from mapping arrive by the batch, so they are written in one transaction per batch.
 */
import type { LogLevel } from '../../../shared/domain';
import type { SyncDeps } from './run-context';

export class RunLog {
  constructor(
    private readonly deps: SyncDeps,
    private readonly runId: string,
    private readonly userId: string,
  ) {}

  info(message: string): void {
    this.write([{ level: 'info', message }]);
  }
  warn(message: string): void {
    this.write([{ level: 'warn', message }]);
  }
  error(message: string): void {
    this.write([{ level: 'error', message }]);
  }

  write(lines: { level: LogLevel; message: string }[]): void {
    if (lines.length === 0) return;
    const time = new Date().toISOString();
    this.deps.store.logs.appendMany(lines.map((l) => ({ runId: this.runId, level: l.level, message: l.message, time })));
    for (const l of lines) this.deps.onLog({ runId: this.runId, userId: this.userId, time, level: l.level, message: l.message });
  }
}
