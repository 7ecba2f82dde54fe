import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';

export function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => void message.success(t('common.copied')),
      () => void message.warning(t('common.copyFailed')),
    );
  };
  return <Button onClick={copy}>{t('common.copy')}</Button>;
}
