import { personalScopes } from './scopeVisibility.js';
import type { WebSocket } from 'ws';
import type { Logger } from 'pino';
import { ChangeLog, type RecordedChange } from './changeLog.js';
import { listenTo, type Listening } from '../../lib/postgres/postgresDatabase.js';
import type { Database } from '../../lib/sqlite/database.js';
import { watchCommits } from '../../lib/sqlite/watchCommits.js';
import { maxLiveItems, type LiveMessage, type SyncScope } from '../../main/contract/syncProtocol.js';

/**
 * The hall's live channel: one WebSocket per terminal. It watches the change
 * log (whichever process wrote it: the hall CLI publishes into the same
 * database, and on PostgreSQL several hall processes serve one hall) and
 * tells every terminal which scopes changed, with the changes themselves when
 * they are few (a terminal whose cursor they continue applies them; any other
 * pulls). Another
 * process's change is noticed at once: by LISTEN/NOTIFY on PostgreSQL, by
 * watching the write-ahead log on SQLite; the poll remains for a dropped
 * listening connection or a folder that cannot be watched. Pings find dead
 * sockets.
 */
export class LiveHub {
  readonly #sockets = new Set<WebSocket & { alive?: boolean }>();
  #poll: NodeJS.Timeout | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  #poked = false;
  #stopped = false;
  #listening: Pick<Listening, 'close'> | null = null;
  /** Each scope's newest change already announced: the `previous` of its next delivery. */
  #heads = new Map<SyncScope, number>();
  /** Announcements one after another, so two never read the same cursor and send a scope twice out of order. */
  #announcing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly changes: ChangeLog,
    private readonly logger: Logger,
    private readonly pollMs = 500,
    private readonly heartbeatMs = 15_000,
  ) {}

  async start(): Promise<void> {
    this.#heads = await this.changes.scopeHeadsAfter(-1);
    this.#poll = setInterval(() => void this.#announce(), this.pollMs);
    this.#listening =
      listenTo(
        this.db,
        ChangeLog.channel,
        () => this.poke(),
        (error) => this.logger.warn({ err: error }, 'lost the PostgreSQL connection listening for changes; polling until it is back'),
      ) ?? watchCommits(this.db.path, () => this.poke());
    this.#heartbeat = setInterval(() => {
      for (const socket of this.#sockets) {
        if (socket.alive === false) {
          socket.terminate();
          continue;
        }
        socket.alive = false;
        socket.ping();
      }
    }, this.heartbeatMs);
  }

  add(socket: WebSocket & { alive?: boolean }): void {
    socket.alive = true;
    socket.on('pong', () => (socket.alive = true));
    socket.on('close', () => this.#sockets.delete(socket));
    this.#sockets.add(socket);
  }

  get connected(): number {
    return this.#sockets.size;
  }

  /**
   * Something was just written: announce now rather than at the next poll.
   * Pokes that come while an announcement waits its turn join it: a burst of
   * commits costs one read of the change log, not one each.
   */
  poke(): void {
    if (this.#poked) return;
    this.#poked = true;
    void this.#announce();
  }

  /**
   * This process has just committed `changes`: sent as they are, with no
   * read of the change log, when they continue what was announced, that is
   * unless another process wrote in between (the hall CLI on SQLite, another
   * hall process on PostgreSQL), when they are read back as after a poke.
   * Sent on the next turn of the event loop, after the answer to the request
   * that committed them: one write for the clerk waiting on it before one for
   * each terminal. The write-ahead log's or NOTIFY's poke for the same commit
   * still reads the log, off the call's path, and finds nothing new.
   */
  committed(changes: readonly RecordedChange[]): void {
    if (changes.length === 0) return;
    setImmediate(() => {
      if (this.#stopped) return;
      const cursor = this.#cursor();
      if (changes.at(-1)!.seq <= cursor) return;
      if (changes.length > maxLiveItems || changes[0]!.seq !== cursor + 1) return this.poke();
      try {
        this.#deliver(changes);
      } catch (error) {
        this.logger.warn({ err: error }, 'could not announce a change on the live channel');
      }
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#poll);
    clearInterval(this.#heartbeat);
    await this.#listening?.close();
  }

  /** The newest change announced: the newest of the scopes' heads (changes are numbered across all scopes). */
  #cursor(): number {
    return Math.max(0, ...this.#heads.values());
  }

  #announce(): Promise<void> {
    this.#announcing = this.#announcing.then(() => this.#announceOnce());
    return this.#announcing;
  }

  async #announceOnce(): Promise<void> {
    this.#poked = false;
    try {
      // One read for the usual case (a few changes): the changes themselves. A burst of more is announced by
      // scope alone, and terminals pull it.
      const cursor = this.#cursor();
      const changes = await this.changes.changesAfter(cursor, maxLiveItems + 1);
      if (changes.length <= maxLiveItems) {
        // What this process's own commit delivered while the read was on its way is not sent again.
        const announced = this.#cursor();
        this.#deliver(changes.filter((change) => change.seq > announced));
        return;
      }
      for (const [scope, head] of await this.changes.scopeHeadsAfter(cursor)) {
        if (head <= (this.#heads.get(scope) ?? 0)) continue;
        this.#heads.set(scope, head);
        this.#send({ type: 'changed', scope, cursor: head });
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'could not read the change log for the live channel');
    }
  }

  /** Announces each scope of `changes` (oldest first, continuing what was announced) with the changes along. */
  #deliver(changes: readonly RecordedChange[]): void {
    for (const [scope, head] of headsOf(changes)) {
      const previous = this.#heads.get(scope) ?? 0;
      this.#heads.set(scope, head);
      const message: LiveMessage = { type: 'changed', scope, cursor: head };
      if (!personalScopes.has(scope))
        message.delivery = {
          previous,
          items: changes.filter((change) => change.scope === scope).map(({ seq, key, value }) => ({ seq, key, value })),
        };
      this.#send(message);
    }
  }

  #send(message: LiveMessage): void {
    // Encoded once for all sockets: a string would be encoded again for each.
    const data = Buffer.from(JSON.stringify(message));
    for (const socket of this.#sockets) socket.send(data, { binary: false });
  }
}

/** Each scope's newest change among `changes` (oldest first). */
function headsOf(changes: readonly { seq: number; scope: SyncScope }[]): Map<SyncScope, number> {
  return new Map(changes.map((change) => [change.scope, change.seq]));
}
