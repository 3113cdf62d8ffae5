/**
 * Forwards the core's events to the renderer: log lines as they come, progress throttled per run,
 * and a run's last progress always before its 'job:finished'. Free of 'electron' (the sender is a
 * callback) so the browser end-to-end harness can reuse it.
 */
import type { ConsoleApi } from '../../shared/console-api';
import type { SyncRun } from '../../shared/domain';
import type { EventName, EventPayload } from '../../shared/ipc-contract';
import { createProgressThrottle } from './progress-throttle';

export type EventSender = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface ForwarderOptions {
  /** Minimum gap between two progress events of one run (default 250 ms: four a second). */
  progressIntervalMs?: number;
  /** Called after 'job:finished' was sent (e.g. an OS notification). */
  onRunFinished?: (run: SyncRun) => void;
}

/** Subscribes to the core; returns the function that unsubscribes and drops pending updates. */
export function forwardEvents(
  api: Pick<ConsoleApi, 'on'>,
  send: EventSender,
  opts: ForwarderOptions = {},
): () => void {
  const throttle = createProgressThrottle((p) => send('job:progress', p), opts.progressIntervalMs ?? 250);
  const unsubscribers = [
    api.on('job:progress', (p) => throttle.push(p)),
    api.on('job:log', (line) => send('job:log', line)),
    api.on('job:finished', (payload) => {
      throttle.flush(payload.run.id);
      send('job:finished', payload);
      opts.onRunFinished?.(payload.run);
    }),
    api.on('health:changed', (report) => send('health:changed', report)),
  ];
  return () => {
    for (const off of unsubscribers) off();
    throttle.dispose();
  };
}
