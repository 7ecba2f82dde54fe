import { useTranslation } from 'react-i18next';
import { changeLocale, type Locale } from '../i18n';

const locales: Locale[] = ['zh-CN', 'en'];

/** Two toggle buttons (styles in shell.css); the pressed one is the page's language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form's fieldset.
    <div className="qx-lang" role="group" aria-label={t('common.language')}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          onClick={() => void changeLocale(locale)}
        >
          {t(`common.languages.${locale}`)}
        </button>
      ))}
    </div>
  );
}
