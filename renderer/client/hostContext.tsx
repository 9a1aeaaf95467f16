import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { RpcError } from '../../main/contract/errors';
import type { RpcClient, RpcEventName, RpcInput, RpcMethodName, RpcOutput } from '../../main/contract/rpc';

const HostContext = createContext<RpcClient | null>(null);

export const HostProvider = HostContext.Provider;

export function useHost(): RpcClient {
  const client = useContext(HostContext);
  if (!client) throw new Error('useHost outside HostProvider');
  return client;
}

export interface RpcQuery<M extends RpcMethodName> {
  data: RpcOutput<M> | undefined;
  error: RpcError | undefined;
  reload: () => void;
}

/**
 * Calls `method` once, and again whenever one of `refreshOn` arrives: events
 * say what changed, calls fetch it. `pollMs` also calls at that interval, for
 * screens that must catch up even when the event socket is down.
 */
export function useRpcQuery<M extends RpcMethodName>(
  method: M,
  input: RpcInput<M>,
  refreshOn: readonly RpcEventName[] = [],
  pollMs?: number,
): RpcQuery<M> {
  const host = useHost();
  const [data, setData] = useState<RpcOutput<M>>();
  const [error, setError] = useState<RpcError>();
  const [generation, setGeneration] = useState(0);
  const inputKey = JSON.stringify(input);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    host.call(method, JSON.parse(inputKey) as RpcInput<M>).then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(undefined);
      },
      (failure: RpcError) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [host, method, inputKey, generation]);

  const eventsKey = refreshOn.join(',');
  useEffect(() => {
    const unsubscribers = eventsKey === '' ? [] : eventsKey.split(',').map((event) => host.on(event as RpcEventName, reload));
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [host, eventsKey, reload]);

  useEffect(() => {
    if (!pollMs) return;
    const timer = setInterval(reload, pollMs);
    return () => clearInterval(timer);
  }, [pollMs, reload]);

  return { data, error, reload };
}
