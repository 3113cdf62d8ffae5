/**
 * Periodic connection check feeding 'health:changed'. A report is pushed when something the operator
 * sees changed (reachability, version, error text), not on every tick; latency alone is noise.
 */
import type { ConsoleApi } from '../../shared/console-api';
import type { ComponentHealth, HealthReport } from '../../shared/domain';
import { redactSecrets } from '../core/redact';

export interface HealthMonitor {
  /** Checks now (e.g. right after settings were saved) and pushes the report if it changed. */
  checkNow(): Promise<void>;
  stop(): void;
}

function fingerprint(report: HealthReport): string {
  const part = (h: ComponentHealth) => [h.ok, h.target, h.version, h.error].join('|');
  return [part(report.postgres), part(report.weaviate), part(report.store)].join('#');
}

export function startHealthMonitor(
  api: Pick<ConsoleApi, 'health'>,
  push: (report: HealthReport) => void,
  intervalMs = 30_000,
): HealthMonitor {
  let last: string | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const check = (force: boolean): Promise<void> => {
    // One check at a time: a slow network must not pile up concurrent health probes.
    running ??= (async () => {
      try {
        const report = await api.health();
        const print = fingerprint(report);
        if (!stopped && (force || print !== last)) {
          last = print;
          push(report);
        }
      } catch (err) {
        // health() reports unreachable parts as data; a throw here is a bug, logged, not fatal.
        console.warn('[health] check failed:', redactSecrets(err instanceof Error ? err.message : String(err)));
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const timer = setInterval(() => void check(false), intervalMs);
  timer.unref?.();
  void check(false);

  return {
    async checkNow() {
      // A routine check already under way may have started before the change: check again after it.
      if (running) await running;
      await check(true);
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
