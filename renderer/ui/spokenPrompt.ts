import { createContext, useContext, useEffect, useLayoutEffect, useRef } from 'react';

/** Where a screen's guidance goes to be spoken: the kiosk's voice; no one on screens that do not speak. */
export const SpokenPromptContext = createContext<((text: string) => void) | null>(null);

/**
 * A screen's spoken guidance (title, what to do, a result, an error): said
 * when it first shows and whenever its text (or language) changes, from the
 * same i18n text the screen shows. Empty parts are left out.
 */
export function useSpokenPrompt(...parts: (string | false | null | undefined)[]): void {
  const prompt = useContext(SpokenPromptContext);
  const text = parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' ');
  const latest = useRef(prompt);
  useLayoutEffect(() => {
    latest.current = prompt;
  });
  useEffect(() => {
    if (text) latest.current?.(text);
  }, [text]);
}
