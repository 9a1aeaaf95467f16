import { useEffect } from 'react';
import { useHost } from '../client/hostContext';

/** Tells the host which screen is shown (null: a screen inside reports its own), for the hall's operations view. */
export function useScreenShown(screen: string | null): void {
  const host = useHost();
  useEffect(() => {
    if (screen !== null) void host.call('terminal.screenShown', { screen }).catch(() => undefined);
  }, [host, screen]);
}
