// Runs in the sandboxed preload, where `require` offers only Electron's own
// modules: this file therefore stands alone, and a test checks that its
// channel names match ipcChannels in main/contract/rpc.ts.
const { contextBridge, ipcRenderer } = require('electron') as typeof import('electron');

const callChannel = 'onewindow:rpc';
const eventChannel = 'onewindow:event';

contextBridge.exposeInMainWorld('onewindow', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(callChannel, method, input),
  subscribe: (listener: (envelope: unknown) => void): (() => void) => {
    const forward = (_event: unknown, envelope: unknown) => listener(envelope);
    ipcRenderer.on(eventChannel, forward);
    return () => {
      ipcRenderer.removeListener(eventChannel, forward);
    };
  },
});
