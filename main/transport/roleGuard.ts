import { isRpcMethodName } from '../contract/rpc.js';
import { mayCall, type ScreenRole } from '../contract/screenRoles.js';
import type { Dispatch } from './dispatcher.js';

/**
 * The dispatcher as a screen with `roles` sees it: a method its roles may not
 * call is refused before any handler runs, with the reason. Unknown methods
 * fall through, so they still answer unknown_method.
 */
export function dispatchAs(dispatch: Dispatch, roles: readonly ScreenRole[]): Dispatch {
  return async (method, input) => {
    if (isRpcMethodName(method) && !mayCall(roles, method)) {
      return { ok: false, error: { code: 'forbidden', message: `a ${roles.join('/')} screen may not call ${method}` } };
    }
    return dispatch(method, input);
  };
}
