import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { useFormSubmit } from '../../components/useFormSubmit';

/** "支持这条": one support per browser (or account); the count shown is the server's. */
export function SupportButton({ id, supports, size }: { id: string; supports?: number; size?: 'small' }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [count, setCount] = useState<number | undefined>(supports);
  const [done, setDone] = useState(false);
  const { submit: support, busy } = useFormSubmit(undefined, async () => {
    const result = unwrap(
      await api.POST('/api/v1/public/suggestions/{id}/support', { params: { path: { id } } }),
    );
    setCount(result.supports);
    setDone(true);
    void message.success(t(result.counted ? 'ideas.support.thanks' : 'ideas.support.already'));
  });
  return (
    <Button size={size} loading={busy} disabled={done} onClick={support} data-testid={`support-${id}`}>
      {count === undefined ? t('ideas.support.plain') : t('ideas.support.action', { count })}
    </Button>
  );
}
