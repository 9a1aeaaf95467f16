import { useEffect, useRef } from 'react';

/**
 * Calls `onIdle` after `seconds` without a touch or key, so the next person
 * at a public machine starts from the home screen in the default language.
 */
export function useIdleReset(seconds: number, onIdle: () => void): void {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), seconds * 1000);
    };
    const events = ['pointerdown', 'keydown'] as const;
    events.forEach((event) => window.addEventListener(event, restart));
    restart();
    return () => {
      clearTimeout(timer);
      events.forEach((event) => window.removeEventListener(event, restart));
    };
  }, [seconds]);
}
