import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskAccess } from './KioskAccess';
import { keypadAction } from './keypadKeys';
import { focusables, keypadScope, moveTarget, spokenName, typingInField } from './keypadNavigation';

/**
 * Wires the tactile keypad to the kiosk screen: focus moves in reading order
 * and, with speech on, says the item it lands on; the first key turns speech
 * on (a citizen who uses the keypad may not see the screen).
 */
export function useKioskKeypad(): void {
  const access = useKioskAccess();
  const { t } = useTranslation();
  const latest = useRef({ access, checked: t('access.checked') });
  useLayoutEffect(() => {
    latest.current = { access, checked: t('access.checked') };
  });
  useEffect(() => {
    // Only focus the citizen moved speaks: a screen's own first focus is announced by its prompt.
    let movedByKey = false;
    const onKey = (event: KeyboardEvent) => {
      const action = keypadAction(event);
      if (!action) return;
      if (typingInField(event.target) && action !== 'next' && action !== 'previous' && action !== 'help') return;
      const { access: current } = latest.current;
      current.turnSpeechOn();
      const scope = keypadScope();
      const active =
        document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      if (action === 'next' || action === 'previous') {
        event.preventDefault();
        movedByKey = true;
        moveTarget(scope, active, action === 'next' ? 1 : -1)?.focus();
        movedByKey = false;
      } else if (action === 'enter') {
        // Buttons answer Enter themselves; a check box only answers Space.
        if (active instanceof HTMLInputElement && active.type === 'checkbox') {
          event.preventDefault();
          active.click();
          current.say(spokenName(active, latest.current.checked));
        }
      } else if (action === 'back') {
        event.preventDefault();
        // The innermost back: a sub-screen's own comes after the session's "finish" in reading order.
        focusables(scope)
          .filter((element) => element.matches('[data-keypad-back]'))
          .at(-1)
          ?.click();
      } else if (action === 'help') {
        event.preventDefault();
        current.repeat();
        movedByKey = true;
        focusables(scope)
          .find((element) => element.matches('[data-keypad-help]'))
          ?.focus();
        movedByKey = false;
      } else {
        const key = focusables(scope).find((element) => element.matches(`.keypad [data-key="${action.digit}"]`));
        if (key) {
          event.preventDefault();
          key.click();
        }
      }
    };
    const onFocus = (event: FocusEvent) => {
      if (movedByKey && event.target instanceof HTMLElement) latest.current.access.say(spokenName(event.target, latest.current.checked));
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocus);
    };
  }, []);
}
