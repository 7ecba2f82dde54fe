import { Flex, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../api/types';
import { LoadFailed } from './LoadFailed';
import { TitleHeading } from './TitleHeading';
import { notThere } from './useLoad';

/** That the page asked for is not there (withdrawn, not public, mistyped), and the way back. */
export function NotThere({ back }: { back: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<TitleHeading>{t('common.notFound.title')}</TitleHeading>}
      subTitle={t('common.notFound.detail')}
      extra={back}
    />
  );
}

/**
 * What a page shows for want of its record: grey bars while it loads, then that it is not there
 * with the way back, so a link to nothing never reads as a page that never loads. A load that
 * failed otherwise (`problem` other than not there: the server or the network) says so, with a
 * retry where one is given.
 */
export function Missing({
  loading,
  back,
  problem,
  onRetry,
}: {
  loading: boolean;
  back: ReactNode;
  problem?: Problem | null;
  onRetry?: () => void;
}) {
  if (loading) return <Skeleton active />;
  if (problem && !notThere(problem))
    return (
      <Flex vertical gap={16} align="flex-start">
        {back}
        <LoadFailed onRetry={onRetry} />
      </Flex>
    );
  return <NotThere back={back} />;
}

/**
 * {@link Missing} for a `useLoad` result whose record is absent: grey bars until the load has
 * failed (and while a retry runs), then "not there" or the failure with its retry.
 */
export function MissingLoad({
  load,
  back,
}: {
  load: { loading: boolean; failed: boolean; problem: Problem | null; reload: () => Promise<void> | void };
  back: ReactNode;
}) {
  return (
    <Missing
      loading={!load.failed || load.loading}
      back={back}
      problem={load.problem}
      onRetry={() => void load.reload()}
    />
  );
}
