/**
 * The 12-key tactile keypad as the kiosk sees it: keyboard events (arrows,
 * Enter, Back as Backspace or Escape, digits, Help as F1 or "Help"). Arrows
 * move focus through the screen in reading (DOM) order; Back presses the
 * screen's back button (data-keypad-back); digits press the on-screen keypad
 * where one is shown. Pure of React: the kiosk wires it to the window.
 */
export type KeypadAction = 'next' | 'previous' | 'enter' | 'back' | 'help' | { digit: string };

export function keypadAction(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>): KeypadAction | null {
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

const focusable =
  'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]';

function visible(element: Element): boolean {
  return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
}

/** Where keys act: an open modal dialog, else the whole screen. */
export function keypadScope(root: ParentNode = document): ParentNode {
  const dialogs = [...root.querySelectorAll('[aria-modal="true"]')].filter(visible);
  return dialogs.at(-1) ?? root;
}

export function focusables(scope: ParentNode): HTMLElement[] {
  return [...scope.querySelectorAll<HTMLElement>(focusable)].filter(visible);
}

/**
 * The element focus moves to: the next or previous in reading order, around
 * the ends. From nowhere (the step that had focus is gone), the first or last
 * of the screen's main part, so a citizen does not walk the top bar first.
 */
export function moveTarget(scope: ParentNode, current: Element | null, direction: 1 | -1): HTMLElement | null {
  const all = focusables(scope);
  if (all.length === 0) return null;
  const index = current ? all.indexOf(current as HTMLElement) : -1;
  if (index === -1) {
    const main = scope.querySelector('main');
    const inMain = main ? all.filter((element) => main.contains(element)) : [];
    const pool = inMain.length > 0 ? inMain : all;
    return direction === 1 ? pool[0]! : pool.at(-1)!;
  }
  return all[(index + direction + all.length) % all.length]!;
}

/** What focus speaks: the element's label, and a check box's state. */
export function spokenName(element: HTMLElement, checkedWord: string): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  const labelled = labelledBy
    ? labelledBy
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.innerText ?? '')
        .join(' ')
    : '';
  const label = element.closest('label');
  const name = element.getAttribute('aria-label') || labelled || (label ? label.innerText : element.innerText) || element.title;
  const checked = element instanceof HTMLInputElement && element.type === 'checkbox' && element.checked ? ` ${checkedWord}` : '';
  return `${name.replace(/\s+/g, ' ').trim()}${checked}`;
}

/** Whether the key belongs to a text field that has focus (it types there instead). */
export function typingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement
    ? !['checkbox', 'radio', 'button', 'submit'].includes(target.type)
    : target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}
