import { Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** That the page asked for is not there (withdrawn, not public, mistyped), and the way back. */
export function NotThere({ back }: { back: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('common.notFound.title')}
      subTitle={t('common.notFound.detail')}
      extra={back}
    />
  );
}

/**
 * What a page shows for want of its record: grey bars while it loads, then that it is not there
 * with the way back, so a link to nothing never reads as a page that never loads.
 */
export function Missing({ loading, back }: { loading: boolean; back: ReactNode }) {
  return loading ? <Skeleton active /> : <NotThere back={back} />;
}
