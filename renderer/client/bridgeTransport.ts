import { bridgeTokenMetaName } from '../../main/contract/rpc';
import type { RpcTransport } from '../../main/contract/rpcClient';

/**
 * Browser mode: calls go to `POST /api/rpc/<method>`, events come over the
 * `/api/events` WebSocket, both carrying the token the host put in the page.
 * The socket reconnects by itself (a hall display runs for days).
 */
export function createBridgeTransport(location: Location = window.location): RpcTransport | null {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${bridgeTokenMetaName}"]`)?.content;
  if (!token) return null;
  const listeners = new Set<(envelope: unknown) => void>();
  const eventsUrl = new URL('api/events', location.href);
  eventsUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  eventsUrl.hash = '';
  eventsUrl.searchParams.set('token', token);

  let retryMs = 500;
  const connect = () => {
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
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 15_000);
    };
  };
  connect();

  return {
    async invoke(method, input) {
      try {
        const response = await fetch(new URL(`api/rpc/${encodeURIComponent(method)}`, location.href), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
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
