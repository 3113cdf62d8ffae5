/**
 * Supplies window.api to a page the way the preload does in Electron: one method per CHANNELS entry,
 * each calling the SAME wrapper and handler table ipcMain uses (through a Playwright binding), and
 * on(event, listener) fed by events the test side pushes with send().
 */
import type { Page } from 'playwright-core';
import { CHANNELS, EVENTS, type EventName, type EventPayload } from '../../../src/shared/ipc-contract';
import { invokeChannel } from '../../../src/main/ipc/wrapper';
import type { Handlers } from '../../../src/main/ipc/handlers';
import type { EventSender } from '../../../src/main/ipc/event-forwarder';

/**
 * Runs in the page before its own scripts. Kept as plain JavaScript text: a transpiled function's
 * source can carry helper calls (e.g. __name) that do not exist in the page.
 */
function pageScript(methods: Record<string, string>, events: readonly string[]): string {
  return `(() => {
  const methods = ${JSON.stringify(methods)};
  const events = ${JSON.stringify(events)};
  const listeners = new Map();
  const api = {};
  for (const [method, channel] of Object.entries(methods)) {
    api[method] = (input) => window.__invoke(channel, input);
  }
  api.on = (event, listener) => {
    if (!events.includes(event)) throw new Error('unknown event "' + event + '"');
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event).add(listener);
    return () => { listeners.get(event).delete(listener); };
  };
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
  window.__pushEvent = (event, payload) => {
    for (const l of listeners.get(event) || []) l(payload);
  };
})();`;
}

export interface WindowApiBridge {
  /** Pushes an event to the page, in order with the ones before it. */
  send: EventSender;
  /** Every channel the page invoked, in order (for assertions on what the UI asked for). */
  calls: { channel: string; input: unknown }[];
  /** Resolves when every pushed event was delivered. */
  flush(): Promise<void>;
  /** Holds back events of this name (as a slow IPC pipe would) until release(). */
  hold(event: EventName): void;
  /** Delivers the held events, in order, and stops holding. */
  release(event: EventName): void;
}

export async function installWindowApi(page: Page, handlers: Handlers): Promise<WindowApiBridge> {
  const calls: WindowApiBridge['calls'] = [];
  await page.exposeBinding('__invoke', (_source, channel: string, input: unknown) => {
    calls.push({ channel, input });
    return invokeChannel(handlers, channel, input, { isTrusted: true });
  });
  // Derived from the contract, never hand-listed, so a new channel shows up here by itself.
  const methods = Object.fromEntries(Object.entries(CHANNELS).map(([channel, spec]) => [spec.method, channel]));
  await page.addInitScript({ content: pageScript(methods, EVENTS) });

  let chain: Promise<void> = Promise.resolve();
  const held = new Map<EventName, unknown[]>();
  const deliver = (event: EventName, payload: unknown) => {
    chain = chain.then(() =>
      page
        .evaluate(`window.__pushEvent && window.__pushEvent(${JSON.stringify(event)}, ${JSON.stringify(payload)})`)
        .then(
          () => undefined,
          () => undefined, // the page may be closing at the end of a test
        ),
    );
  };
  const send = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    const queue = held.get(event);
    if (queue) queue.push(payload);
    else deliver(event, payload);
  };
  return {
    send,
    calls,
    flush: () => chain,
    hold: (event) => {
      if (!held.has(event)) held.set(event, []);
    },
    release: (event) => {
      const queue = held.get(event) ?? [];
      held.delete(event);
      for (const payload of queue) deliver(event, payload);
    },
  };
}
