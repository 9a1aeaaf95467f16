import { bridgeTokenMetaName } from '../../main/contract/rpc';
import type { RpcTransport } from '../../main/contract/rpcClient';

/**
 * Browser mode: calls go to `POST /api/rpc/<method>`, events come over the
 * `/api/events` WebSocket, both carrying the token the host put in the page.
 * A hall display runs for days, so the socket reconnects by itself; and when
 * the host has restarted (new token: 401), the page reloads to get the new one.
 */
export function createBridgeTransport(location: Location = window.location): RpcTransport | null {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${bridgeTokenMetaName}"]`)?.content;
  if (!token) return null;
  const listeners = new Set<(envelope: unknown) => void>();
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const rpcUrl = (method: string) => new URL(`api/rpc/${encodeURIComponent(method)}`, location.href);
  const reloadIfTokenExpired = (status: number) => {
    if (status === 401) setTimeout(() => location.reload(), 1000);
  };

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
      // A browser does not say why an upgrade failed; one call tells a restarted host (401) from one that is down.
      fetch(rpcUrl('terminal.info'), { method: 'POST', headers, body: '{}' }).then(
        (response) => reloadIfTokenExpired(response.status),
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
        reloadIfTokenExpired(response.status);
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
