/**
 * The 12-key tactile keypad as the kiosk sees it: keyboard events (arrows,
 * Enter, Back as Backspace or Escape, digits, Help as F1 or "Help"). Arrows
 * move focus through the screen in reading (DOM) order; Back presses the
 * screen's back button (data-keypad-back); digits press the on-screen keypad
 * where one is shown. Pure: useKioskKeypad wires it to the window.
 */
export type KeypadAction = 'next' | 'previous' | 'enter' | 'back' | 'help' | { digit: string };

export function keypadAction(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): KeypadAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return 'next';
    case 'ArrowUp':
    case 'ArrowLeft':
      return 'previous';
    case 'Enter':
      return 'enter';
    case 'Backspace':
    case 'Escape':
      return 'back';
    case 'F1':
    case 'Help':
      return 'help';
  }
  return /^[0-9]$/.test(event.key) ? { digit: event.key } : null;
}
