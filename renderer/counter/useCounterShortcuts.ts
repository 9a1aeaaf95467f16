import { useEffect, useRef } from 'react';

export type CounterCommand = 'callNext' | 'recall' | 'skip' | 'finish' | 'transfer' | 'pauseOrResume' | 'readCard';

/** The clerk's function keys; one place, so the buttons' labels and the keys cannot disagree. */
export const counterKeys: Record<string, CounterCommand> = {
  F1: 'callNext',
  F2: 'recall',
  F3: 'skip',
  F4: 'finish',
  F6: 'transfer',
  F7: 'pauseOrResume',
  F8: 'readCard',
};

export const keyOf = (command: CounterCommand) => Object.entries(counterKeys).find(([, bound]) => bound === command)![0];

/** Runs the command of a function key; not while a dialog is open (it has its own keys). */
export function useCounterShortcuts(run: (command: CounterCommand) => void, enabled: boolean): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const command = counterKeys[event.key];
      if (!command) return;
      event.preventDefault();
      latest.current(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
