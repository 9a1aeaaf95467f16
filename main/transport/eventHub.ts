import { rpcEvents, type RpcEventName, type RpcEventPayload } from '../contract/rpc.js';

export type EventSink = (event: RpcEventName, payload: unknown) => void;

/**
 * Fans host events out to every connected screen. Payloads are validated on
 * the way out, so a transport only ever forwards what the contract allows.
 */
export class EventHub {
  readonly #sinks = new Set<EventSink>();

  emit<E extends RpcEventName>(event: E, payload: RpcEventPayload<E>): void {
    const checked = rpcEvents[event].parse(payload);
    for (const sink of this.#sinks) sink(event, checked);
  }

  /** How many sinks listen now: a leak of screens or sessions shows here first. */
  get subscribers(): number {
    return this.#sinks.size;
  }

  subscribe(sink: EventSink): () => void {
    this.#sinks.add(sink);
    return () => this.#sinks.delete(sink);
  }
}
