import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * An enterprise account no firm has taken in yet: says so and how to be linked, where the firm's
 * pages would otherwise read as a firm with nothing (no requests, no surveys).
 */
export function NoFirmResult() {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title={t('business.portal.noFirm')}
      subTitle={t('business.portal.noFirmHint')}
      data-testid="no-firm"
      extra={
        <Link to="/">
          <Button>{t('business.portal.home')}</Button>
        </Link>
      }
    />
  );
}
