import { bridgePairPath, bridgeScreenHeader } from '../../main/contract/bridge';
import type { RpcTransport } from '../../main/contract/rpcClient';

const headers = { 'content-type': 'application/json', [bridgeScreenHeader]: '1' };

/**
 * Browser mode: calls go to `POST /api/rpc/<method>`, events come over the
 * `/api/events` WebSocket. The browser sends the screen's cookie (HttpOnly:
 * this page never sees it); each call adds the bridge header, which a page
 * from elsewhere cannot send. A hall display runs for days, so the socket
 * reconnects by itself; a 401 means this screen is not (or no longer) paired,
 * and `onUnpaired` is told once instead of retrying.
 */
export function createBridgeTransport(onUnpaired: () => void, location: Location = window.location): RpcTransport {
  const listeners = new Set<(envelope: unknown) => void>();
  const rpcUrl = (method: string) => new URL(`api/rpc/${encodeURIComponent(method)}`, location.href);
  let unpaired = false;
  const noteStatus = (status: number) => {
    if (status !== 401 || unpaired) return;
    unpaired = true;
    onUnpaired();
  };

  const eventsUrl = new URL('api/events', location.href);
  eventsUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  eventsUrl.hash = '';
  eventsUrl.search = '';
  let retryMs = 500;
  const connect = () => {
    if (unpaired) return;
    const socket = new WebSocket(eventsUrl);
    socket.onopen = () => {
      retryMs = 500;
    };
    socket.onmessage = (message) => {
      let envelope: unknown;
      try {
        envelope = JSON.parse(String(message.data));
      } catch {
        return;
      }
      for (const listener of listeners) listener(envelope);
    };
    socket.onclose = () => {
      // A browser does not say why an upgrade failed; one call tells an unpaired screen (401) from a host that is down.
      fetch(rpcUrl('terminal.info'), { method: 'POST', headers, body: '{}' }).then(
        (response) => noteStatus(response.status),
        () => undefined,
      );
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 15_000);
    };
  };
  connect();

  return {
    async invoke(method, input) {
      try {
        const response = await fetch(rpcUrl(method), { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
        noteStatus(response.status);
        return await response.json();
      } catch {
        return { ok: false, error: { code: 'unavailable', message: 'cannot reach the terminal host' } };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Sends the code a technician read off the terminal's setup screen; true when this screen is now paired. */
export async function pairThisScreen(code: string, location: Location = window.location): Promise<boolean> {
  try {
    const response = await fetch(new URL(bridgePairPath, location.href), { method: 'POST', headers, body: JSON.stringify({ code }) });
    return response.ok;
  } catch {
    return false;
  }
}
