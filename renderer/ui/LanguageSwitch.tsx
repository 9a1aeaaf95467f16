import { useTranslation } from 'react-i18next';

/** One button showing the other language's name, as citizens look for their own language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <button type="button" title={t('language.switchLabel')} lang={next} onClick={() => void i18n.changeLanguage(next)}>
      {t('language.switchTo')}
    </button>
  );
}
