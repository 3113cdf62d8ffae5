/**
 * The one subscription module: events pushed by main are written into the store here, so views never
 * subscribe to window.api themselves (DESIGN §1: events flow back through one module).
 */
import { useStore } from './index';

let stop: (() => void) | null = null;

export function startEventBridge(): () => void {
  if (stop) return stop;
  if (!window.api) return () => undefined;
  const s = () => useStore.getState();
  const offs = [
    window.api.on('job:progress', (p) => s().onJobProgress(p)),
    window.api.on('job:log', (line) => s().onJobLog(line)),
    window.api.on('job:finished', ({ run }) => s().onJobFinished(run)),
    window.api.on('health:changed', (report) => s().onHealthChanged(report)),
  ];
  stop = () => {
    for (const off of offs) off();
    stop = null;
  };
  return stop;
}
