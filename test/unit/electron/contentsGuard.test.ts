import { describe, expect, it } from 'vitest';
import { denyPermissions, guardAllWebContents } from '../../../main/electron/contentsGuard.js';
import { createFakeElectron, FakeWebContents } from '../../support/fakeElectron.js';

function guarded(devTools = false): FakeWebContents {
  const fake = createFakeElectron();
  guardAllWebContents(fake.app as never, { devTools });
  const contents = new FakeWebContents();
  fake.appListeners.get('web-contents-created')!({}, contents);
  return contents;
}

describe('the guard on every web page Electron creates', () => {
  it('denies window.open, whatever the URL', () => {
    const contents = guarded();
    for (const url of ['https://example.org/', 'app://terminal/index.html', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('keeps navigation and redirects on the app origin', () => {
    const contents = guarded();
    expect(contents.navigate('will-navigate', 'https://example.org/')).toBe(true);
    expect(contents.navigate('will-navigate', 'http://127.0.0.1:7400/dashboard')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///app/dist/renderer/index.html')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://terminal.evil.example/index.html')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://x/../../etc/passwd')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://example.org/')).toBe(true);
    expect(contents.navigate('will-navigate', 'not a url')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://terminal/index.html#/setup')).toBe(false);
  });

  it('refuses to attach a <webview>', () => {
    expect(guarded().emit('will-attach-webview', {}, { src: 'https://example.org/' })).toBe(true);
  });

  it('closes DevTools when they open, unless started for development', () => {
    const locked = guarded();
    locked.emit('devtools-opened');
    expect(locked.devToolsClosed).toBe(1);
    const development = guarded(true);
    development.emit('devtools-opened');
    expect(development.devToolsClosed).toBe(0);
  });

  it('refuses every permission request and check', () => {
    const fake = createFakeElectron();
    denyPermissions(fake.session.defaultSession as never);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      for (const handler of fake.permissionHandlers) handler({}, permission, (granted: boolean) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(fake.permissionChecks.map((check) => check({}, 'media', 'app://terminal'))).toEqual([false]);
  });
});
