import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { RpcResult } from '../contract/errors.js';
import { ipcChannels } from '../contract/rpc.js';
import type { ScreenRole } from '../contract/screenRoles.js';
import type { Dispatch } from '../transport/dispatcher.js';
import { dispatchAs } from '../transport/roleGuard.js';

/** Decides whether an IPC message comes from one of the app's own windows, at the app's own page. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * Electron's transport: the same dispatcher as the HTTP bridge, behind
 * `ipcMain.handle`. A sender that is not the app's own window (another
 * webContents, a subframe, a page navigated elsewhere) is refused. With
 * `roles` (the terminal's own screen: `screenRolesFor(role, false)`), a
 * method outside them is refused as on the bridge.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  anyDispatch: Dispatch,
  isOwnSender: SenderCheck,
  roles?: readonly ScreenRole[],
): () => void {
  const dispatch = roles ? dispatchAs(anyDispatch, roles) : anyDispatch;
  ipcMain.handle(ipcChannels.call, async (event, method: unknown, input: unknown): Promise<RpcResult> => {
    if (!isOwnSender(event)) {
      return { ok: false, error: { code: 'unauthorized', message: 'IPC from a window that is not the terminal' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'invalid_input', message: 'the method name must be a string' } };
    }
    return dispatch(method, input);
  });
  return () => ipcMain.removeHandler(ipcChannels.call);
}

/** The sender check for a set of windows: their main frame, at the app's page. */
export function ownWindowsCheck(ownWebContentsIds: () => ReadonlySet<number>, appUrl: string): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!ownWebContentsIds().has(event.sender.id) || !frame || frame.parent !== null) return false;
    return frame.url.split('#')[0] === appUrl;
  };
}
