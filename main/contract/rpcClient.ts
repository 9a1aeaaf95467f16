import { RpcError, rpcResultSchema, type RpcResult } from './errors.js';
import {
  isRpcEventName,
  rpcEventEnvelopeSchema,
  rpcEvents,
  rpcMethods,
  type RpcClient,
  type RpcEventListener,
  type RpcEventName,
  type RpcMethodName,
} from './rpc.js';

/** What a transport must offer: one call, one stream of event envelopes. */
export interface RpcTransport {
  invoke(method: string, input: unknown): Promise<unknown>;
  subscribe(listener: (envelope: unknown) => void): () => void;
}

/**
 * The typed client over any transport (Electron preload, HTTP bridge). It
 * checks what arrives against the contract too, so a renderer never acts on
 * a payload of the wrong shape.
 */
export function createRpcClient(transport: RpcTransport): RpcClient {
  return {
    async call(method, input) {
      const result = parseResult(method, await transport.invoke(method, input));
      if (!result.ok) throw new RpcError(result.error);
      const output = rpcMethods[method].output.safeParse(result.result);
      if (!output.success) throw new RpcError({ code: 'internal', message: `${method}: the host answered with an invalid result` });
      return output.data as never;
    },
    on<E extends RpcEventName>(event: E, listener: RpcEventListener<E>) {
      return transport.subscribe((raw) => {
        const envelope = rpcEventEnvelopeSchema.safeParse(raw);
        if (!envelope.success || envelope.data.event !== event || !isRpcEventName(envelope.data.event)) return;
        const payload = rpcEvents[event].safeParse(envelope.data.payload);
        if (payload.success) listener(payload.data as never);
      });
    },
  };
}

function parseResult(method: RpcMethodName, raw: unknown): RpcResult {
  const parsed = rpcResultSchema.safeParse(raw);
  return parsed.success
    ? parsed.data
    : { ok: false, error: { code: 'internal', message: `${method}: the host's answer is not an RPC result` } };
}
