import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
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

/**
 * A table's empty text for a load: the failure with its retry when the load failed, else the
 * table's own (undefined keeps antd's, or the page's `otherwise`).
 */
export function emptyUnlessFailed(
  load: { failed: boolean; reload: () => Promise<void> | void },
  otherwise?: ReactNode,
): ReactNode {
  return load.failed ? <LoadFailed onRetry={() => void load.reload()} /> : otherwise;
}
