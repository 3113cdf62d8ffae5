/**
 * "Your sync finished" while the operator looks at another window: an OS notification. Only when the
 * console is not focused (the window already shows the result when it is), and runs that finish
 * close together are told in one notification: a bulk sync of thousands of users must not bury the
 * desktop in thousands of toasts.
 */
import { Notification, type BrowserWindow } from 'electron';
import type { SyncRun } from '../../shared/domain';
import { redactSecrets } from '../core/redact';

const OUTCOME_WORDS: Record<string, string> = {
  succeeded: 'finished',
  partial: 'finished with some objects failed',
  failed: 'failed',
  cancelled: 'was cancelled',
  interrupted: 'was interrupted',
};

const UNSUCCESSFUL = new Set(['partial', 'failed', 'interrupted']);

export function finishedRunText(run: SyncRun): { title: string; body: string } {
  const outcome = OUTCOME_WORDS[run.status] ?? run.status;
  const detail = run.error ? ` ${redactSecrets(run.error)}` : '';
  return { title: `Sync ${outcome}`, body: `User ${run.userId}, ${run.type}.${detail}`.slice(0, 300) };
}

export function finishedRunsText(runs: SyncRun[]): { title: string; body: string } {
  if (runs.length === 1) return finishedRunText(runs[0]);
  const problems = runs.filter((r) => UNSUCCESSFUL.has(r.status)).length;
  const cancelled = runs.filter((r) => r.status === 'cancelled').length;
  const parts = [`${runs.length - problems - cancelled} succeeded`];
  if (problems > 0) parts.push(`${problems} failed or incomplete`);
  if (cancelled > 0) parts.push(`${cancelled} cancelled`);
  return { title: `${runs.length} syncs finished`, body: `${parts.join(', ')}. Details are in History.` };
}

export interface RunNotifier {
  runFinished(run: SyncRun): void;
  dispose(): void;
}

/** Collects runs that finish within `gatherMs` of the first one and shows one notification for them. */
export function createRunNotifier(getWindow: () => BrowserWindow | null, gatherMs = 2_000): RunNotifier {
  let pending: SyncRun[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const show = (): void => {
    timer = null;
    const runs = pending;
    pending = [];
    const win = getWindow();
    if (runs.length === 0 || !win || win.isDestroyed() || win.isFocused()) return;
    if (!Notification.isSupported()) return;
    const allFine = runs.every((r) => r.status === 'succeeded');
    const note = new Notification({ ...finishedRunsText(runs), silent: allFine });
    note.on('click', () => {
      if (win.isDestroyed()) return;
      if (win.isMinimized()) win.restore();
      win.focus();
    });
    note.show();
  };

  return {
    runFinished(run) {
      const win = getWindow();
      if (!win || win.isDestroyed() || win.isFocused()) return;
      pending.push(run);
      timer ??= setTimeout(show, gatherMs);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = [];
    },
  };
}
