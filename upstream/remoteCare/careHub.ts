import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { CareCommands } from './careCommands.js';

/**
 * Delivers care commands down each terminal's live channel: at once when
 * the terminal is connected, else when it (re)connects. It also looks for
 * commands other processes wrote (the hall CLI, another hall process on the
 * same PostgreSQL), as the live hub does for changes.
 */
export class CareHub {
  readonly #sockets = new Map<string, Set<WebSocket>>();
  #poll: NodeJS.Timeout | undefined;
  #delivering: Promise<void> = Promise.resolve();

  constructor(
    private readonly commands: CareCommands,
    private readonly logger: Logger,
    private readonly pollMs = 1000,
  ) {}

  start(): void {
    this.#poll = setInterval(() => void this.deliverWaiting(), this.pollMs);
  }

  stop(): void {
    clearInterval(this.#poll);
  }

  attach(terminalId: string, socket: WebSocket): void {
    const sockets = this.#sockets.get(terminalId) ?? new Set();
    sockets.add(socket);
    this.#sockets.set(terminalId, sockets);
    socket.on('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0 && this.#sockets.get(terminalId) === sockets) this.#sockets.delete(terminalId);
    });
    void this.#deliver(terminalId);
  }

  /** A command was just written here: deliver now rather than at the next poll. */
  deliverWaiting(): Promise<void> {
    return this.#queue(async () => {
      for (const terminalId of await this.commands.waitingTerminals()) if (this.#sockets.has(terminalId)) await this.#send(terminalId);
    });
  }

  #deliver(terminalId: string): Promise<void> {
    return this.#queue(() => this.#send(terminalId));
  }

  /** One delivery at a time, so a command is never sent twice at once by the poll and a reconnect. */
  #queue(work: () => Promise<void>): Promise<void> {
    this.#delivering = this.#delivering.then(work).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not deliver care commands');
    });
    return this.#delivering;
  }

  async #send(terminalId: string): Promise<void> {
    const socket = [...(this.#sockets.get(terminalId) ?? [])].at(-1);
    if (!socket) return;
    for (const command of await this.commands.due(terminalId)) {
      socket.send(JSON.stringify(command));
      await this.commands.markSent(command.id);
      this.logger.info({ terminalId, command: command.id, action: command.action }, 'care command sent');
    }
  }
}
