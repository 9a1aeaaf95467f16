import type { RpcClient } from '../../main/contract/rpc';
import { createRpcClient, type RpcTransport } from '../../main/contract/rpcClient';
import { createBridgeTransport } from './bridgeTransport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    onewindow?: RpcTransport;
  }
}

/** The host client for wherever this page runs: Electron's preload, else the HTTP bridge (which may find this screen unpaired). */
export function connectToHost(onUnpaired: () => void): RpcClient {
  return createRpcClient(window.onewindow ?? createBridgeTransport(onUnpaired));
}
