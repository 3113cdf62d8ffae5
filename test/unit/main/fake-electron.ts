/**
 * A small stand-in for the 'electron' module (the one module main-process unit tests may replace):
 * it records what our code asks of Electron so the tests can check it. Use with
 *   vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);
 */
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  removeListener(event: string, listener: Listener) {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
  count(event: string) {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; payload: unknown }[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  focused = true;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  isFocused() {
    return this.focused;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  show() {}
  static getAllWindows() {
    return FakeBrowserWindow.created.filter((w) => !w.destroyed);
  }
}

export class FakeNotification extends FakeEmitter {
  static shown: { title: string; body: string }[] = [];
  static isSupported() {
    return true;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    FakeNotification.shown.push({ title: this.options.title, body: this.options.body });
  }
}

export const ipcMainHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
export const exposed = new Map<string, unknown>();
export const ipcRendererListeners = new FakeEmitter();

export const sessionState = {
  headersListener: null as null | ((details: unknown, cb: (r: unknown) => void) => void),
  permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | ((...args: unknown[]) => boolean),
};

export const safeStorageState = {
  available: true,
  backend: 'gnome_libsecret' as string,
};

export const fakeElectron = {
  app: {
    getAppPath: vi.fn(() => process.cwd()),
    getPath: vi.fn(() => process.cwd()),
    on: vi.fn(),
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
  },
  BrowserWindow: FakeBrowserWindow,
  Notification: FakeNotification,
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
  dialog: { showSaveDialog: vi.fn(), showErrorBox: vi.fn() },
  session: {
    defaultSession: {
      webRequest: {
        onHeadersReceived: (l: (details: unknown, cb: (r: unknown) => void) => void) => {
          sessionState.headersListener = l;
        },
      },
      setPermissionRequestHandler: (h: (wc: unknown, permission: string, cb: (ok: boolean) => void) => void) => {
        sessionState.permissionRequest = h;
      },
      setPermissionCheckHandler: (h: (...args: unknown[]) => boolean) => {
        sessionState.permissionCheck = h;
      },
    },
  },
  ipcMain: {
    /** The registered handlers (for tests that reach the fake through import('electron')). */
    registered: ipcMainHandlers,
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
      if (ipcMainHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcMainHandlers.set(channel, fn);
    },
    removeHandler: (channel: string) => {
      ipcMainHandlers.delete(channel);
    },
  },
  ipcRenderer: {
    invoke: vi.fn((channel: string, input: unknown) => Promise.resolve({ ok: true, data: { channel, input } })),
    on: (channel: string, l: Listener) => ipcRendererListeners.on(channel, l),
    removeListener: (channel: string, l: Listener) => ipcRendererListeners.removeListener(channel, l),
  },
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => {
      exposed.set(key, value);
    },
  },
  safeStorage: {
    isEncryptionAvailable: () => safeStorageState.available,
    getSelectedStorageBackend: () => safeStorageState.backend,
    // Reversible but not identity, so a test can tell ciphertext from plain text.
    encryptString: (plain: string) => Buffer.from(`enc:${Buffer.from(plain, 'utf8').toString('base64')}`),
    decryptString: (blob: Buffer) => Buffer.from(blob.toString().replace(/^enc:/, ''), 'base64').toString('utf8'),
  },
};

export default fakeElectron;
