import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from './Feedback';

export function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => void message.success(t('common.copied')),
      () => void message.warning(t('common.copyFailed')),
    );
  };
  return <Button onClick={copy}>{t('common.copy')}</Button>;
}
