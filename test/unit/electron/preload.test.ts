import { readFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../kiosk-config/paths.js';
import { ipcChannels } from '../../../main/contract/rpc.js';

/**
 * Runs the built preload as Electron's sandbox does: a script whose `require`
 * offers only `electron`. Anything else it required would fail here as it
 * would in Electron.
 */
async function runPreload() {
  const source = await readFile(path.join(packageRoot, 'dist', 'main', 'electron', 'preload.cjs'), 'utf8');
  const exposed: Record<string, unknown> = {};
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, result: 'x' }),
      on: (channel: string, listener: (...args: unknown[]) => void) =>
        listeners.set(channel, new Set([...(listeners.get(channel) ?? []), listener])),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
    },
  };
  const sandboxRequire = (name: string) => {
    if (name !== 'electron') throw new Error(`module not found in the sandboxed preload: ${name}`);
    return electron;
  };
  const module = { exports: {} };
  vm.runInNewContext(source, { require: sandboxRequire, module, exports: module.exports });
  return { exposed, invoked, listeners };
}

describe('Electron preload', () => {
  it('exposes a transport that invokes the RPC channel and forwards events', async () => {
    const { exposed, invoked, listeners } = await runPreload();
    const transport = exposed.onewindow as {
      invoke(method: string, input: unknown): Promise<unknown>;
      subscribe(listener: (envelope: unknown) => void): () => void;
    };
    expect(Object.keys(exposed)).toEqual(['onewindow']);
    expect(await transport.invoke('terminal.info', {})).toEqual({ ok: true, result: 'x' });
    expect(invoked).toEqual([[ipcChannels.call, 'terminal.info', {}]]);

    const received: unknown[] = [];
    const stop = transport.subscribe((envelope) => received.push(envelope));
    const eventListeners = listeners.get(ipcChannels.event);
    expect(eventListeners?.size).toBe(1);
    for (const listener of eventListeners ?? []) listener({ sender: 'ipc' }, { event: 'catalogue.changed', payload: { categories: 1 } });
    expect(received).toEqual([{ event: 'catalogue.changed', payload: { categories: 1 } }]);
    stop();
    expect(listeners.get(ipcChannels.event)?.size).toBe(0);
  });
});
