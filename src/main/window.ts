/**
 * The console window and its guards (Electron security checklist): isolated, sandboxed, no Node in
 * the page, a strict CSP, every navigation and new window denied; http(s) links go to the browser.
 * The option builders and URL checks are pure functions so the unit tests can hold them to the rules.
 */
import { BrowserWindow, session, shell, type WebPreferences } from 'electron';
import { pathToFileURL } from 'node:url';

/** Where the renderer comes from: the dev server in `electron-vite dev`, else the built index.html. */
export interface AppLocation {
  url: string;
  isDev: boolean;
}

export function appLocation(env: NodeJS.ProcessEnv, rendererIndexFile: string): AppLocation {
  const devUrl = env.ELECTRON_RENDERER_URL;
  if (devUrl && /^https?:\/\//i.test(devUrl)) return { url: devUrl, isDev: true };
  return { url: pathToFileURL(rendererIndexFile).href, isDev: false };
}

/** True when `url` is a page of the app: same origin as the dev server, or our own index.html. */
export function isAppUrl(url: string, app: AppLocation): boolean {
  let candidate: URL;
  let expected: URL;
  try {
    candidate = new URL(url);
    expected = new URL(app.url);
  } catch {
    return false;
  }
  if (expected.protocol === 'file:') {
    // Any file:// page would otherwise count as ours; only the exact built index.html does.
    return candidate.protocol === 'file:' && candidate.host === '' && candidate.pathname === expected.pathname;
  }
  return candidate.origin === expected.origin;
}

export function buildWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/**
 * The policy sent as a response header for every page of our session. The renderer repeats it in a
 * <meta> tag; when both exist the browser enforces both. The dev server needs its websocket for HMR
 * and the React refresh preamble, which is an inline script: only in dev.
 */
export function contentSecurityPolicy(app: AppLocation): string {
  const devOrigin = app.isDev ? new URL(app.url) : null;
  const ws = devOrigin ? ` ws://${devOrigin.host}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${app.isDev ? " 'unsafe-inline'" : ''}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${ws}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** What to do with a link the page tried to open or navigate to. */
export function linkAction(url: string): 'open-external' | 'refuse' {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? 'open-external' : 'refuse';
  } catch {
    return 'refuse';
  }
}

function sendToBrowser(url: string): void {
  if (linkAction(url) === 'open-external') {
    shell.openExternal(url).catch((err: unknown) => {
      console.warn('[window] could not open link in the browser:', err instanceof Error ? err.message : err);
    });
  }
}

/** Applied once per session: CSP header on every response and no permission (camera, geolocation...). */
export function hardenSession(app: AppLocation): void {
  const policy = contentSecurityPolicy(app);
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] },
    });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

export interface MainWindowOptions {
  app: AppLocation;
  preloadPath: string;
  iconPath?: string;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Elysia Sync Console',
    icon: opts.iconPath,
    autoHideMenuBar: true,
    webPreferences: buildWebPreferences(opts.preloadPath),
  });
  const contents = win.webContents;

  contents.setWindowOpenHandler(({ url }) => {
    sendToBrowser(url);
    return { action: 'deny' };
  });
  // The page never navigates itself (it is a single-page app): a navigation is a link or an attack.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    if (!isAppUrl(url, opts.app)) sendToBrowser(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, opts.app)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());

  win.once('ready-to-show', () => win.show());
  void win.loadURL(opts.app.url);
  return win;
}
