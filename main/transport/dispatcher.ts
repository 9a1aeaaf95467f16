import type { Logger } from 'pino';
import { ServiceError, issuesFromZod, type RpcErrorPayload, type RpcResult } from '../contract/errors.js';
import { isRpcMethodName, rpcMethods, type RpcHandlers } from '../contract/rpc.js';

export type Dispatch = (method: string, input: unknown) => Promise<RpcResult>;

/**
 * The one place where calls from any transport meet the services: input is
 * validated before a handler runs, output after, and every failure becomes a
 * typed error without a stack trace.
 */
export function createDispatcher(handlers: RpcHandlers, logger: Logger): Dispatch {
  return async (method, input) => {
    if (!isRpcMethodName(method)) {
      return failure({ code: 'unknown_method', message: `unknown method "${method}"` });
    }
    const definition = rpcMethods[method];
    const parsedInput = definition.input.safeParse(input ?? {});
    if (!parsedInput.success) {
      const issues = issuesFromZod(parsedInput.error);
      return failure({ code: 'invalid_input', message: `invalid input for ${method}: ${summarize(issues)}`, issues });
    }
    let output: unknown;
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown>;
      output = await handler(parsedInput.data);
    } catch (error) {
      if (error instanceof ServiceError) {
        return failure({
          code: error.code,
          message: error.message,
          ...(error.issues ? { issues: error.issues } : {}),
          ...(error.reason ? { reason: error.reason } : {}),
          ...(error.params ? { params: error.params } : {}),
        });
      }
      logger.error({ err: error, method }, 'rpc handler failed');
      return failure({ code: 'internal', message: `${method} failed inside the terminal` });
    }
    const parsedOutput = definition.output.safeParse(output);
    if (!parsedOutput.success) {
      logger.error({ method, issues: issuesFromZod(parsedOutput.error) }, 'rpc handler returned output that breaks the contract');
      return failure({ code: 'internal', message: `${method} returned an invalid result` });
    }
    return { ok: true, result: parsedOutput.data };
  };
}

function failure(error: RpcErrorPayload): RpcResult {
  return { ok: false, error };
}

function summarize(issues: { path: string; message: string }[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}
