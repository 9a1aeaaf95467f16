import type { TerminalInfo } from '../main/contract/terminal';
import { useRpcQuery } from './client/hostContext';
import { CounterHome } from './counter/CounterHome';
import { DisplayHome } from './display/DisplayHome';
import { EvaluationScreen } from './evaluation/EvaluationScreen';
import { KioskHome } from './kiosk/KioskHome';
import { KioskAccessProvider } from './kiosk/access/KioskAccess';
import { SetupHome } from './setup/SetupHome';
import { useHashRoute } from './useHashRoute';
import { useScreenShown } from './ui/useScreenShown';

/** The role's screen; settings the hall server changes while it runs (idle timeout, services) arrive live. */
export function App({ terminal: initial }: { terminal: TerminalInfo }) {
  const { data } = useRpcQuery('terminal.info', {}, ['terminal.changed']);
  const terminal = data ?? initial;
  const route = useHashRoute(terminal.role);
  // The kiosk names its own screens (home, take-number, a service).
  useScreenShown(route === 'kiosk' ? null : route);
  switch (route) {
    case 'kiosk':
      return (
        <KioskAccessProvider defaultVolume={terminal.speechVolume ?? 0.8}>
          <KioskHome terminal={terminal} />
        </KioskAccessProvider>
      );
    case 'counter':
      return <CounterHome terminal={terminal} />;
    case 'display':
      return <DisplayHome terminal={terminal} />;
    case 'setup':
      return <SetupHome terminal={terminal} />;
    case 'evaluate':
      return <EvaluationScreen terminal={terminal} />;
  }
}
