import { describe, expect, it } from 'vitest';
import { RpcError } from '../../main/contract/errors.js';
import { createRpcClient, type RpcTransport } from '../../main/contract/rpcClient.js';

function transportAnswering(answer: unknown): RpcTransport & { emit(envelope: unknown): void } {
  const listeners = new Set<(envelope: unknown) => void>();
  return {
    invoke: async () => answer,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (envelope) => listeners.forEach((listener) => listener(envelope)),
  };
}

describe('rpc client', () => {
  it('returns a valid result', async () => {
    const client = createRpcClient(transportAnswering({ ok: true, result: { categories: 4 } }));
    expect(await client.call('catalogue.reload', { setupToken: 'x'.repeat(20) })).toEqual({ categories: 4 });
  });

  it('throws RpcError with the typed code of a failure', async () => {
    const client = createRpcClient(transportAnswering({ ok: false, error: { code: 'forbidden', message: 'wrong PIN' } }));
    const error = await client.call('setup.unlock', { pin: '1' }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({ code: 'forbidden', message: 'wrong PIN' });
  });

  it('refuses an answer that is not an RPC result or breaks the contract', async () => {
    for (const answer of ['<html>', { ok: true, result: { categories: -1 } }, null]) {
      const error = await createRpcClient(transportAnswering(answer))
        .call('catalogue.reload', { setupToken: 'x'.repeat(20) })
        .catch((failure: unknown) => failure);
      expect(error).toMatchObject({ code: 'internal' });
    }
  });

  it('delivers only well-formed events of the name listened for', () => {
    const transport = transportAnswering(null);
    const received: unknown[] = [];
    const stop = createRpcClient(transport).on('catalogue.changed', (payload) => received.push(payload));
    transport.emit({ event: 'catalogue.changed', payload: { categories: 3 } });
    transport.emit({ event: 'catalogue.changed', payload: { categories: 'many' } });
    transport.emit({ event: 'other', payload: {} });
    transport.emit('garbage');
    stop();
    transport.emit({ event: 'catalogue.changed', payload: { categories: 9 } });
    expect(received).toEqual([{ categories: 3 }]);
  });
});
