/**
 * The handler table: one function per IPC channel, taking the channel's PARSED input and returning its
 * output. Each is one call into the core service. Free of 'electron' so ipcMain and the browser
 * end-to-end tests share exactly this table.
 */
import type { Actor, ConsoleApi } from '../../shared/console-api';
import type { Channel, ChannelOutput, ChannelParsedInput } from '../../shared/ipc-contract';
import { toRendererSettings } from './renderer-settings';

export type Handler<C extends Channel> = (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export interface HandlerDeps {
  /** The operator's OS user name; recorded in the audit log for every change. */
  actor: string;
  /** Shows a save dialog; null when the operator cancelled it. */
  chooseExportPath(): Promise<string | null>;
  /** Opens an http(s) URL in the operator's browser (the contract already refused other schemes). */
  openExternal(url: string): Promise<void>;
}

export function createHandlers(api: ConsoleApi, deps: HandlerDeps): Handlers {
  const who: Actor = { actor: deps.actor };
  return {
    'health:get': () => api.health(),
    'schema:status': () => api.schemaStatus(),
    'schema:init': () => api.schemaInit(who),
    'users:list': (input) => api.listUsers(input),
    'users:summary': () => api.syncSummary(),
    'users:detail': (input) => api.userDetail(input.userId),
    'sync:start': (input) => api.startSync(input, who),
    'sync:cancel': (input) => api.cancelSync(input.runId, who),
    'sync:jobs': async () => api.listJobs(),
    'history:list': (input) => api.listHistory(input),
    'history:run': (input) => api.runDetail(input.runId, input.logLimit),
    'audit:list': (input) => api.listAudit(input),
    'audit:export': async (input) => {
      const filePath = await deps.chooseExportPath();
      if (filePath === null) return { filePath: null, rows: 0 };
      const rows = await api.exportAudit(input, filePath, who);
      return { filePath, rows };
    },
    'settings:get': async () => toRendererSettings(await api.getSettings()),
    'settings:save': async (input) => toRendererSettings(await api.saveSettings(input, who)),
    'settings:test': (input) => api.testConnection(input),
    'app:open-external': (input) => deps.openExternal(input.url),
  };
}
