import { Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { LoadFailed } from '../../components/LoadFailed';
import { ActionCard } from './ActionCard';
import { useLoad, useTowns } from './shared';

/** The actions adopted from the suggestions, with their progress. */
export function ActionsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const towns = useTowns();
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/actions')),
    ['actions'],
  );
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('ideas.actions.title')}
      </Typography.Title>
      {loading && <Skeleton active />}
      {/* A failed load says so, not that nothing has been adopted. */}
      {!loading && failed && <LoadFailed onRetry={() => void reload()} />}
      {!loading && !failed && (data ?? []).length === 0 && <Empty description={t('ideas.actions.none')} />}
      {/* The owners' names failed to load: said once above the actions, each owner says so. */}
      {!failed && (data ?? []).length > 0 && towns.failed && (
        <LoadFailed onRetry={() => void towns.reload()} />
      )}
      {(failed ? [] : (data ?? [])).map((a) => (
        <ActionCard
          key={a.id}
          action={a}
          ownerName={towns.nameOf.get(a.ownerUnitId)}
          ownerFailed={towns.failed}
        />
      ))}
    </Flex>
  );
}
