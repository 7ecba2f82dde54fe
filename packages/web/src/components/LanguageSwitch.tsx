import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLocale, type Locale } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('common.language')}
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={[
        { value: 'zh-CN', label: t('common.languages.zh-CN') },
        { value: 'en', label: t('common.languages.en') },
      ]}
      onChange={(locale) => void changeLocale(locale)}
    />
  );
}
