import { useState } from 'react';
import type { RpcError } from '../../main/contract/errors';

/**
 * One action at a time on a screen: `run` marks it busy, clears the last
 * error, and keeps the host's refusal to show (with ErrorNotice) if it fails;
 * `failed` undoes what the screen showed while it waited (a step, a stage).
 * `clear` forgets the refusal when the screen starts over without the host.
 */
export function useRpcAction(): {
  busy: boolean;
  error: RpcError | null;
  run: (work: () => Promise<void>, failed?: () => void) => Promise<void>;
  clear: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RpcError | null>(null);
  const run = async (work: () => Promise<void>, failed?: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure as RpcError);
      failed?.();
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clear: () => setError(null) };
}
