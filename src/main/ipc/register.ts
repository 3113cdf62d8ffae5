/**
 * Wires the handler table to ipcMain (every channel through invokeChannel) and pushes the core's
 * events, a periodic health check and run-finished notifications to the window.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ConsoleApi } from '../../shared/console-api';
import { CHANNELS, type Channel } from '../../shared/ipc-contract';
import { EVENT_CHANNEL_PREFIX } from '../../preload/channel-methods';
import { createRunNotifier } from '../platform/notifications';
import { isAppUrl, type AppLocation } from '../window';
import { forwardEvents, type EventSender } from './event-forwarder';
import type { Handlers } from './handlers';
import { startHealthMonitor } from './health-monitor';
import { invokeChannel } from './wrapper';

/**
 * Only our window's top frame showing our own page may call in. Checking the frame's URL as well as
 * the webContents keeps a page the window was somehow navigated to from using the API.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null, app: AppLocation): boolean {
  if (!win || win.isDestroyed()) return false;
  if (event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, app);
}

export interface RegisterOptions {
  api: ConsoleApi;
  handlers: Handlers;
  getWindow: () => BrowserWindow | null;
  app: AppLocation;
  healthIntervalMs?: number;
  progressIntervalMs?: number;
  /** Runs finishing within this long of each other share one notification (default 2 s). */
  notificationGatherMs?: number;
}

/** Registers everything; returns the function that removes it again (on quit). */
export function registerIpc(opts: RegisterOptions): () => void {
  const send: EventSender = (event, payload) => {
    const win = opts.getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL_PREFIX + event, payload);
  };
  const monitor = startHealthMonitor(opts.api, (report) => send('health:changed', report), opts.healthIntervalMs);
  const notifier = createRunNotifier(opts.getWindow, opts.notificationGatherMs);
  const stopForwarding = forwardEvents(opts.api, send, {
    progressIntervalMs: opts.progressIntervalMs,
    onRunFinished: (run) => notifier.runFinished(run),
  });

  const channels = Object.keys(CHANNELS) as Channel[];
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      const isTrusted = isTrustedSender(event, opts.getWindow(), opts.app);
      const result = await invokeChannel(opts.handlers, channel, input, { isTrusted });
      // New connection settings: tell the window how the new targets look without waiting 30 s.
      if (channel === 'settings:save' && result.ok) void monitor.checkNow();
      return result;
    });
  }

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
    stopForwarding();
    notifier.dispose();
    monitor.stop();
  };
}
