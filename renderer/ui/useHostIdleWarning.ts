import { useCallback, useEffect, useState } from 'react';
import { useHost } from '../client/hostContext';

/**
 * The host's side of the idle rule: it ends the citizen's session by itself
 * when the screen made no call of the session for the idle timeout plus the
 * warning. When it announces the warning (citizen.idle), this returns the
 * seconds left for the countdown; `stay` tells the host the citizen is still
 * here (citizen.stillHere), which starts its clock again.
 */
export function useHostIdleWarning(): { secondsLeft: number | null; stay: () => void } {
  const host = useHost();
  const [endsAt, setEndsAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const offWarning = host.on('citizen.idle', ({ secondsLeft }) => setEndsAt(Date.now() + secondsLeft * 1000));
    const offEnded = host.on('citizen.ended', () => setEndsAt(null));
    return () => {
      offWarning();
      offEnded();
    };
  }, [host]);
  useEffect(() => {
    if (endsAt === null) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [endsAt]);
  const stay = useCallback(() => {
    setEndsAt(null);
    void host.call('citizen.stillHere', {}).catch(() => undefined);
  }, [host]);
  return { secondsLeft: endsAt === null ? null : Math.max(0, Math.ceil((endsAt - now) / 1000)), stay };
}
