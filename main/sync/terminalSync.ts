import type { Database } from '../../lib/sqlite/database.js';
import type { LiveMessage, SyncScope } from '../contract/syncProtocol.js';
import { syncScopeSchema } from '../contract/syncProtocol.js';
import type { Logger } from '../../lib/logger.js';
import type { OutboxEventType, OutboxPayload } from '../contract/outboxEvents.js';
import type { CareCommandMessage } from '../contract/remoteCare.js';
import type { HallLinkState } from '../contract/status.js';
import { appendEvent, OutboxRepository } from '../store/outboxRepository.js';
import { HallClient, type TerminalIdentity } from './hallClient.js';
import { HallLink } from './hallLink.js';
import { LiveChannel } from './liveChannel.js';
import { OutboxPusher } from './outboxPusher.js';
import { applyDelivered, pullScope, type ScopeApplier } from './puller.js';

export interface TerminalSyncOptions {
  db: Database;
  /** Null: not enrolled; events still go into the outbox, to be pushed once the terminal is. */
  identity: TerminalIdentity | null;
  logger: Logger;
  status: SyncReporter;
  pingIntervalMs: number;
  /** How long a request to the hall may take before the terminal treats the hall as unreachable. */
  requestTimeoutMs?: number;
}

/** A scope's applier and what to do once its local copy changed: supplied by the capability that owns the scope. */
export type SyncedScopes = Record<SyncScope, SyncedScope>;

export interface SyncedScope {
  apply: ScopeApplier;
  onPulled(): void;
}

/** Where sync tells how the link and the backlog are: the terminal's status strip. */
export interface SyncReporter {
  reportBacklog(backlog: number, pushedAt: Date | null): void;
  reportHall(state: HallLinkState, at: Date): void;
}

/**
 * Everything between this terminal and its hall server: the outbox (record,
 * push), the link check, the live channel, and pulls, reporting to the status.
 */
export class TerminalSync {
  readonly #outbox: OutboxRepository;
  readonly #pusher: OutboxPusher | null;
  readonly #link: HallLink | null;
  readonly #live: LiveChannel | null;
  readonly #client: HallClient | null;
  #pulling: Promise<unknown> = Promise.resolve();
  #scopes: SyncedScopes | null = null;
  #lastPullAt: Date | null = null;
  #careListener: ((command: CareCommandMessage) => void) | null = null;

  constructor(private readonly options: TerminalSyncOptions) {
    this.#outbox = new OutboxRepository(options.db);
    const client = options.identity ? new HallClient(options.identity, options.requestTimeoutMs) : null;
    this.#client = client;
    this.#pusher = client
      ? new OutboxPusher({
          db: options.db,
          client,
          logger: options.logger,
          onPushed: ({ backlog, at }) => options.status.reportBacklog(backlog, at),
        })
      : null;
    this.#link = client
      ? new HallLink({
          client,
          logger: options.logger,
          onContact: (state, at) => options.status.reportHall(state, at),
          intervalMs: options.pingIntervalMs,
        })
      : null;
    this.#live = client
      ? new LiveChannel({
          client,
          logger: options.logger,
          onConnected: () => syncScopeSchema.options.forEach((scope) => this.#pull(client, scope)),
          onChanged: (scope, delivery) => this.#pull(client, scope, delivery),
          onCareCommand: (command) => this.#careListener?.(command),
        })
      : null;
  }

  /** The signed client of this terminal's hall server; null when not enrolled. */
  get client(): HallClient | null {
    return this.#client;
  }

  /** Starts pushing, pinging and listening; pulled changes go to `scopes`. */
  async start(scopes: SyncedScopes): Promise<void> {
    this.#scopes = scopes;
    this.options.status.reportBacklog(await this.#outbox.backlog(), null);
    this.#link?.start();
    this.#pusher?.start();
    this.#live?.start();
  }

  /** Writes an event the hall must learn, in its own transaction, and pushes soon. */
  async record<T extends OutboxEventType>(type: T, payload: OutboxPayload<T>): Promise<void> {
    await this.options.db.transaction((tx) => appendEvent(tx, type, payload));
    await this.recorded();
  }

  /** After a caller appended outbox events in its own transaction (with the change they record): count them and push soon. */
  async recorded(): Promise<void> {
    this.options.status.reportBacklog(await this.#outbox.backlog(), null);
    this.#pusher?.nudge();
  }

  /** When a pull from the hall last went through (this run): what the hall's operations view shows. */
  get lastPullAt(): Date | null {
    return this.#lastPullAt;
  }

  /** Where care commands from the hall go (the remote care slice). */
  onCareCommand(listener: (command: CareCommandMessage) => void): void {
    this.#careListener = listener;
  }

  /** Pulls a scope now (after this terminal changed it at the hall), as the live channel would. */
  pullNow(scope: SyncScope): void {
    if (this.#client) this.#pull(this.#client, scope);
  }

  /** Pulls a scope now and resolves once it is applied (a technician's "apply config now"). */
  async pullAndWait(scope: SyncScope): Promise<void> {
    if (!this.#client) throw new Error('this terminal is not enrolled with a hall');
    this.#pull(this.#client, scope);
    await this.#pulling;
  }

  async stop(): Promise<void> {
    this.#live?.stop();
    await this.#pusher?.stop();
    await this.#link?.stop();
    await this.#pulling;
  }

  /** One pull at a time, in the order asked; changes delivered with the announcement need none. */
  #pull(client: HallClient, scope: SyncScope, delivery?: LiveMessage['delivery']): void {
    this.#pulling = this.#pulling.then(async () => {
      try {
        const { apply, onPulled } = this.#scopes![scope];
        if (delivery && (await applyDelivered(this.options.db, client.terminalId, scope, apply, delivery))) {
          this.#lastPullAt = new Date();
          if (delivery.items.length > 0) onPulled();
          return;
        }
        const applied = await pullScope(this.options.db, client, scope, apply);
        this.#lastPullAt = new Date();
        if (applied > 0) onPulled();
      } catch (error) {
        this.options.logger.warn({ err: error, scope }, 'pulling from the hall server failed; the next change or reconnect retries');
      }
    });
  }
}
