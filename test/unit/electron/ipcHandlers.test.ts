import { describe, expect, it } from 'vitest';
import { ipcChannels } from '../../../main/contract/rpc.js';
import { screenRolesFor } from '../../../main/contract/screenRoles.js';
import { ownWindowsCheck, registerIpcHandlers } from '../../../main/electron/ipcHandlers.js';
import { FakeIpcMain } from '../../support/fakeElectron.js';

const appUrl = 'file:///app/dist/renderer/index.html';

function event(senderId: number, url = `${appUrl}#/kiosk`, parent: unknown = null) {
  return { sender: { id: senderId }, senderFrame: { url, parent } };
}

describe('Electron IPC handlers', () => {
  const calls: [string, unknown][] = [];
  const ipcMain = new FakeIpcMain();
  const unregister = registerIpcHandlers(
    ipcMain as never,
    async (method, input) => (calls.push([method, input]), { ok: true, result: 'dispatched' }),
    ownWindowsCheck(() => new Set([7]), appUrl),
  );
  const handler = ipcMain.handlers.get(ipcChannels.call)!;

  it('passes calls from the app window to the dispatcher', async () => {
    expect(await handler(event(7), 'terminal.info', {})).toEqual({ ok: true, result: 'dispatched' });
    expect(calls).toEqual([['terminal.info', {}]]);
  });

  it('refuses other webContents, subframes and pages navigated elsewhere, without dispatching', async () => {
    calls.length = 0;
    for (const foreign of [
      event(8),
      event(7, appUrl, { url: appUrl }),
      event(7, 'https://evil.example/'),
      { sender: { id: 7 }, senderFrame: null },
    ]) {
      expect(await handler(foreign, 'terminal.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(calls).toEqual([]);
  });

  it('refuses a method name that is not a string', async () => {
    expect(await handler(event(7), { evil: true }, {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it("holds the terminal's own window to its role's methods", async () => {
    const counterIpc = new FakeIpcMain();
    const dispatched: string[] = [];
    registerIpcHandlers(
      counterIpc as never,
      async (method) => (dispatched.push(method), { ok: true, result: 'dispatched' }),
      ownWindowsCheck(() => new Set([7]), appUrl),
      screenRolesFor('counter', false),
    );
    const counterHandler = counterIpc.handlers.get(ipcChannels.call)!;
    expect(await counterHandler(event(7), 'counter.state', {})).toEqual({ ok: true, result: 'dispatched' });
    expect(await counterHandler(event(7), 'setup.unlock', { pin: '1' })).toEqual({ ok: true, result: 'dispatched' });
    expect(await counterHandler(event(7), 'certificates.print', { type: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatched).toEqual(['counter.state', 'setup.unlock']);
  });

  it('unregisters', () => {
    unregister();
    expect(ipcMain.handlers.has(ipcChannels.call)).toBe(false);
  });
});
