import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  appLocation,
  buildWebPreferences,
  contentSecurityPolicy,
  createMainWindow,
  hardenSession,
  isAppUrl,
  linkAction,
} from '../../../src/main/window';
import { FakeBrowserWindow, fakeElectron, sessionState } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const prod = appLocation({}, '/opt/console/out/renderer/index.html');
const dev = appLocation({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, '/unused');

describe('webPreferences', () => {
  it('isolates and sandboxes the page with no Node access', () => {
    const prefs = buildWebPreferences('/opt/console/out/preload/index.js');
    expect(prefs).toMatchObject({
      preload: '/opt/console/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('is what the window is created with', () => {
    const win = createMainWindow({ app: prod, preloadPath: '/p/index.js' }) as unknown as FakeBrowserWindow;
    expect(win.options.webPreferences).toEqual(buildWebPreferences('/p/index.js'));
    expect(win.loadedUrl).toBe('file:///opt/console/out/renderer/index.html');
  });
});

describe('content security policy', () => {
  it('allows only our own scripts in the built app', () => {
    const csp = contentSecurityPolicy(prod);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/\*/);
  });

  it("adds only the dev server's websocket and preamble in dev", () => {
    const csp = contentSecurityPolicy(dev);
    expect(csp).toContain("connect-src 'self' ws://localhost:5173");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('is set as a response header and every permission request is denied', () => {
    hardenSession(prod);
    let headers: Record<string, string[]> = {};
    sessionState.headersListener!({ url: 'file:///x', responseHeaders: { 'X-Other': ['1'] } }, (r) => {
      headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders;
    });
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy(prod)]);
    expect(headers['X-Other']).toEqual(['1']);
    const answers: boolean[] = [];
    sessionState.permissionRequest!({}, 'media', (ok) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect(sessionState.permissionCheck!()).toBe(false);
  });
});

describe('app URL check', () => {
  it('accepts only our built index.html over file://', () => {
    expect(isAppUrl('file:///opt/console/out/renderer/index.html#/users', prod)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', prod)).toBe(false);
    expect(isAppUrl('file:///opt/console/out/renderer/other.html', prod)).toBe(false);
    expect(isAppUrl('https://evil.example/index.html', prod)).toBe(false);
    expect(isAppUrl('not a url', prod)).toBe(false);
  });

  it('accepts only the dev server origin in dev', () => {
    expect(isAppUrl('http://localhost:5173/#/audit', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
  });

  it('ignores a dev URL that is not http(s)', () => {
    expect(appLocation({ ELECTRON_RENDERER_URL: 'javascript:alert(1)' }, '/a/index.html').isDev).toBe(false);
  });
});

describe('navigation and new windows', () => {
  beforeEach(() => {
    fakeElectron.shell.openExternal.mockClear();
  });

  it('classifies links: http(s) to the browser, everything else refused', () => {
    expect(linkAction('https://weaviate.io')).toBe('open-external');
    expect(linkAction('http://example.com/a')).toBe('open-external');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'mailto:a@b.c', 'nonsense']) {
      expect(linkAction(url)).toBe('refuse');
    }
  });

  it('denies every new window; http(s) ones open in the browser', () => {
    const win = createMainWindow({ app: prod, preloadPath: '/p.js' }) as unknown as FakeBrowserWindow;
    const handler = win.webContents.windowOpenHandler!;
    expect(handler({ url: 'https://weaviate.io/docs' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fakeElectron.shell.openExternal.mock.calls).toEqual([['https://weaviate.io/docs']]);
  });

  it('prevents every navigation of the window; external http(s) go to the browser', () => {
    const win = createMainWindow({ app: prod, preloadPath: '/p.js' }) as unknown as FakeBrowserWindow;
    const attempt = (url: string) => {
      const event = { preventDefault: vi.fn() };
      win.webContents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length;
    };
    expect(attempt('https://example.com/')).toBe(1);
    expect(attempt('file:///etc/passwd')).toBe(1);
    expect(attempt('file:///opt/console/out/renderer/index.html')).toBe(1);
    expect(fakeElectron.shell.openExternal.mock.calls).toEqual([['https://example.com/']]);
    const webview = { preventDefault: vi.fn() };
    win.webContents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});
