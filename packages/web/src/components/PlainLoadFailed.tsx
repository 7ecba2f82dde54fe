import { useTranslation } from 'react-i18next';
import '../pages/ideas/ideas.css';

/**
 * LoadFailed (LoadFailed.tsx) in plain elements, for the public pages a phone opens first, which
 * keep antd out of what they paint (ideas.css): that something could not be loaded, in place of
 * its data, with a retry where asking again may help.
 */
export function PlainLoadFailed({ title, onRetry }: { title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="qx-load-failed">
      <span>{title ?? t('common.loadFailed')}</span>
      {onRetry && (
        <button type="button" className="qx-button" onClick={onRetry} data-testid="load-retry">
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
