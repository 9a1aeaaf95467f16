import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale, LocalizedText } from '../../main/contract/terminal';
import en from './en.json';
import zhCN from './zh-CN.json';

/** The one i18n layer: every text on screen is a key here, zh-CN first. */
export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en } } as const;

export async function initI18n(locale: Locale): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = locale;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18next;
}

/** Picks the current language's text of data that carries its own translations (catalogue entries). */
export function localized(text: LocalizedText, language: string): string {
  return language === 'en' ? text.en : text['zh-CN'];
}
