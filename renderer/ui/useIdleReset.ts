import { useEffect, useRef, useState } from 'react';

/**
 * Calls `onIdle` after `seconds` without a touch or key, so the next person
 * at a public machine starts from the home screen in the default language.
 * In the last `warningSeconds` it returns how many seconds are left, for a
 * countdown the citizen can stop by touching the screen.
 */
export function useIdleReset(seconds: number, onIdle: () => void, warningSeconds = 0): number | null {
  const latest = useRef(onIdle);
  const [remaining, setRemaining] = useState<number | null>(null);
  useEffect(() => {
    latest.current = onIdle;
  });
  useEffect(() => {
    let lastActivity = Date.now();
    const restart = () => {
      lastActivity = Date.now();
      setRemaining(null);
    };
    const tick = setInterval(() => {
      const left = Math.ceil(seconds - (Date.now() - lastActivity) / 1000);
      if (left <= 0) {
        restart();
        latest.current();
      } else if (left <= warningSeconds) {
        setRemaining(left);
      }
    }, 250);
    const events = ['pointerdown', 'keydown'] as const;
    events.forEach((event) => window.addEventListener(event, restart));
    return () => {
      clearInterval(tick);
      events.forEach((event) => window.removeEventListener(event, restart));
    };
  }, [seconds, warningSeconds]);
  return remaining;
}
