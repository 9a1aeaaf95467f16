import type { RunningTerminal } from '../../main/cli/runTerminal.js';
import type { RpcInput, RpcMethodName, RpcOutput } from '../../main/contract/rpc.js';

/** Calls a running terminal's host as its screen would; a refusal throws, naming the method, code, reason and message (the error is on `.error`). */
export async function callHost<M extends RpcMethodName>(terminal: RunningTerminal, method: M, input: RpcInput<M>): Promise<RpcOutput<M>> {
  const result = await terminal.host.dispatch(method, input);
  if (!result.ok)
    throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.reason ?? ''} ${result.error.message}`), {
      error: result.error,
    });
  return result.result as RpcOutput<M>;
}
