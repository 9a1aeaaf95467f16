import WebSocket from 'ws';
import { z } from 'zod';
import { liveMessageSchema, syncPaths, type LiveMessage, type SyncScope } from '../contract/syncProtocol.js';
import { careCommandMessageSchema, type CareCommandMessage } from '../contract/remoteCare.js';
import { reconnectDelayMs } from '../../lib/backoff.js';
import type { Logger } from '../../lib/logger.js';
import type { HallClient } from './hallClient.js';

/** What the hall sends on the live channel, told apart by its type before the rest is checked. */
const hallMessageSchema = z.discriminatedUnion('type', [liveMessageSchema, careCommandMessageSchema]);

export interface LiveChannelOptions {
  client: HallClient;
  logger: Logger;
  /** How often the terminal pings; a socket that has not answered by the next ping is dropped and reconnected. */
  heartbeatMs?: number;
  /** Connected (again): pull everything, since changes may have been missed. */
  onConnected: () => void;
  /** A scope changed; `delivery`, when the hall sent the changes along (see liveMessageSchema). */
  onChanged: (scope: SyncScope, delivery?: LiveMessage['delivery']) => void;
  /** A technician's care command (remote care). */
  onCareCommand?: (command: CareCommandMessage) => void;
}

/**
 * The terminal's WebSocket to the hall: the hall names what changed, the
 * terminal pulls it. Reconnects with backoff; every (re)connection triggers
 * a pull to fill the gap. Upgrade requests are signed like any other.
 */
export class LiveChannel {
  #socket: WebSocket | null = null;
  #timer: NodeJS.Timeout | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  #failures = 0;
  #running = false;

  constructor(private readonly options: LiveChannelOptions) {}

  start(): void {
    this.#running = true;
    this.#connect();
  }

  stop(): void {
    this.#running = false;
    clearTimeout(this.#timer);
    clearInterval(this.#heartbeat);
    this.#socket?.terminate();
    this.#socket = null;
  }

  #connect(): void {
    if (!this.#running) return;
    const url = new URL(syncPaths.live, this.options.client.hallUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    // The client's agent: the live channel trusts the same pinned certificate as every request.
    const socket = new WebSocket(url, {
      headers: this.options.client.signedHeaders(syncPaths.live),
      handshakeTimeout: 5000,
      agent: this.options.client.agent,
    });
    this.#socket = socket;
    let answered = true;
    socket.on('pong', () => (answered = true));
    socket.on('open', () => {
      this.#failures = 0;
      clearInterval(this.#heartbeat);
      // A hall that vanished without closing the TCP connection (power cut, cable) is noticed here.
      this.#heartbeat = setInterval(() => {
        if (!answered) {
          this.options.logger.warn('the hall server stopped answering on the live channel; reconnecting');
          socket.terminate();
          return;
        }
        answered = false;
        socket.ping();
      }, this.options.heartbeatMs ?? 15_000);
      this.options.onConnected();
    });
    socket.on('message', (data) => {
      let message: unknown;
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      const parsed = hallMessageSchema.safeParse(message);
      if (!parsed.success) return;
      if (parsed.data.type === 'changed') this.options.onChanged(parsed.data.scope, parsed.data.delivery);
      else this.options.onCareCommand?.(parsed.data);
    });
    socket.on('error', (error) => {
      if (this.#failures === 0) this.options.logger.warn({ err: error }, 'the live channel to the hall server failed');
    });
    socket.on('close', () => {
      if (this.#socket !== socket || !this.#running) return;
      clearInterval(this.#heartbeat);
      this.#timer = setTimeout(() => this.#connect(), reconnectDelayMs(this.#failures++));
    });
  }
}
