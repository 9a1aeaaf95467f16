import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskAccess } from './KioskAccess';

/** Elder mode's rule: at most this many choices on a screen, "more" for the rest. */
export const elderChoices = 4;

/**
 * The choices a screen shows: all of them, or in elder mode at most four
 * (fewer when the screen already has other choices, `reserved`), the first
 * (most used) first, and a "more" button that turns to the next ones.
 * Turning moves the focus to the first of the new choices, so a keypad user
 * hears what came, not "more" again. The button sits among the choices.
 */
export function useChoicePage<T>(items: readonly T[], reserved = 0): { shown: readonly T[]; more: ReactNode } {
  const { t } = useTranslation();
  const { elder } = useKioskAccess();
  const [page, setPage] = useState(0);
  const moreButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The choices' container: the list marked data-choices (the button sits in an item of it), else the button's parent.
    const choices = moreButton.current?.closest('[data-choices]') ?? moreButton.current?.parentElement;
    if (page > 0) choices?.querySelector<HTMLElement>('button:not([data-more])')?.focus();
  }, [page]);
  const perPage = Math.max(1, elderChoices - reserved);
  if (!elder || items.length <= perPage) return { shown: items, more: null };
  const pages = Math.ceil(items.length / perPage);
  const current = page % pages;
  return {
    shown: items.slice(current * perPage, current * perPage + perPage),
    more: (
      <button
        ref={moreButton}
        type="button"
        className="more-choices"
        data-more
        aria-label={t('access.moreLabel', { page: ((current + 1) % pages) + 1, pages })}
        onClick={() => setPage(current + 1)}
      >
        {t('access.more')}
      </button>
    ),
  };
}
