/**
 * "Your sync finished" while the operator looks at another window: an OS notification. Only when the
 * console is not focused, because the window already shows the result when it is.
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

export function finishedRunText(run: SyncRun): { title: string; body: string } {
  const outcome = OUTCOME_WORDS[run.status] ?? run.status;
  const title = `Sync ${outcome}`;
  const detail = run.error ? ` ${redactSecrets(run.error)}` : '';
  return { title, body: `User ${run.userId}, ${run.type}.${detail}`.slice(0, 300) };
}

export function notifyRunFinished(win: BrowserWindow | null, run: SyncRun): boolean {
  if (!win || win.isDestroyed() || win.isFocused()) return false;
  if (!Notification.isSupported()) return false;
  const note = new Notification({ ...finishedRunText(run), silent: run.status === 'succeeded' });
  note.on('click', () => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  note.show();
  return true;
}
