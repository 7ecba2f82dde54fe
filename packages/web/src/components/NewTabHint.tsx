import { useTranslation } from 'react-i18next';

/**
 * Said after a link's words when the link opens a new tab, so that a screen-reader user is not
 * left wondering why "back" no longer works (WCAG 2.1, technique G201); sighted readers see the
 * tab appear. Hidden from sight, so the visible words stay the start of the name (2.5.3).
 */
export function NewTabHint() {
  const { t } = useTranslation();
  return <span className="qx-visually-hidden">{t('common.opensInNewTab')}</span>;
}
