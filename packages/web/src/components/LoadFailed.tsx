import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * That something could not be loaded, with a retry where asking again may help: what a page or a
 * card shows instead of its data when the request failed, so a failure never reads as "no data"
 * nor spins for ever.
 */
export function LoadFailed({ title, onRetry }: { title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? t('common.loadFailed')}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry} data-testid="load-retry">
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
