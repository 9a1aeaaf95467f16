import type { TerminalInfo } from '../main/contract/terminal';
import { CounterHome } from './counter/CounterHome';
import { DisplayHome } from './display/DisplayHome';
import { KioskHome } from './kiosk/KioskHome';
import { SetupHome } from './setup/SetupHome';
import { useHashRoute } from './useHashRoute';

export function App({ terminal }: { terminal: TerminalInfo }) {
  const route = useHashRoute(terminal.role);
  switch (route) {
    case 'kiosk':
      return <KioskHome terminal={terminal} />;
    case 'counter':
      return <CounterHome terminal={terminal} />;
    case 'display':
      return <DisplayHome terminal={terminal} />;
    case 'setup':
      return <SetupHome terminal={terminal} />;
  }
}
