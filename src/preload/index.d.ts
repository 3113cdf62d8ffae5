/** window.api as the preload exposes it (src/preload/index.ts). */
import type { RendererApi } from '../shared/ipc-contract';

declare global {
  interface Window {
    api: RendererApi;
  }
}

export {};
