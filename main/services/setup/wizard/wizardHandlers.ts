import { ServiceError } from '../../../contract/errors.js';
import type { RpcHandlers } from '../../../contract/rpc.js';
import type { SetupWizard } from './setupWizard.js';

type WizardMethods = 'wizard.state' | 'wizard.join' | 'wizard.discover' | 'wizard.test' | 'wizard.finish';

/** The first-start wizard's calls, while the terminal has no configuration. */
export function wizardHandlers(wizard: SetupWizard): Pick<RpcHandlers, WizardMethods> {
  return {
    'wizard.state': async () => wizard.state(),
    'wizard.join': async ({ payload }) => wizard.join(payload),
    'wizard.discover': async ({ tcpTargets }) => wizard.discover(tcpTargets),
    'wizard.test': async (binding) => wizard.test(binding),
    'wizard.finish': async ({ locale, bindings }) => wizard.finish(locale, bindings),
  };
}

const setUp = async (): Promise<never> => {
  throw new ServiceError('forbidden', 'this terminal is set up: change it in setup mode or at the hall');
};

/** A configured terminal's answer: set up (the wizard screen then goes to the role's screen); the rest refused. */
export function configuredWizardHandlers(): Pick<RpcHandlers, WizardMethods> {
  return {
    'wizard.state': async () => ({ unconfigured: false, joined: null, passed: [] }),
    'wizard.join': setUp,
    'wizard.discover': setUp,
    'wizard.test': setUp,
    'wizard.finish': setUp,
  };
}
