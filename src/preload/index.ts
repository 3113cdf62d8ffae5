/**
 * The renderer's only door to the main process: window.api with one method per contract channel and
 * typed event subscriptions. ipcRenderer itself and process.env are never exposed (DESIGN.md §5).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Channel, EventName, RendererApi } from '../shared/ipc-contract';
import { CHANNEL_METHODS, EVENT_CHANNEL_PREFIX, EVENT_NAMES } from './channel-methods';

function buildApi(): RendererApi {
  const api: Record<string, unknown> = {};
  for (const [channel, method] of Object.entries(CHANNEL_METHODS) as [Channel, string][]) {
    api[method] = (input?: unknown) => ipcRenderer.invoke(channel, input);
  }
  api.on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`unknown event "${String(event)}"`);
    if (typeof listener !== 'function') throw new Error('a listener function is required');
    // Hand the renderer the payload only: the IPC event object carries a reference to the sender.
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL_PREFIX + event, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL_PREFIX + event, wrapped);
    };
  };
  return api as RendererApi;
}

contextBridge.exposeInMainWorld('api', buildApi());
