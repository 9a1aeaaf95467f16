/** Focus in reading order, for the keypad (keypadKeys.ts): what can take it, where it goes next, what it says. */
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
