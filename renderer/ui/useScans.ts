import { useEffect, useRef } from 'react';
import { useHost } from '../client/hostContext';
import { WedgeScanDetector } from './wedgeScanDetector';

/**
 * Calls `onScan` for every code scanned at this terminal: from a HID scanner
 * the host drives (`scanner.scanned`), or from a keyboard-wedge scanner typing
 * into the page, told from a person typing by its speed.
 */
export function useScans(onScan: (code: string) => void): void {
  const host = useHost();
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });
  useEffect(() => {
    const detector = new WedgeScanDetector();
    const onKey = (event: KeyboardEvent) => {
      const code = detector.key(event.key, event.timeStamp);
      if (code) latest.current(code);
    };
    window.addEventListener('keydown', onKey);
    const stop = host.on('scanner.scanned', ({ code }) => latest.current(code));
    return () => {
      window.removeEventListener('keydown', onKey);
      stop();
    };
  }, [host]);
}
