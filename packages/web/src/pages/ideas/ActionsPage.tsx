import { Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { ActionCard } from './ActionCard';
import { useLoad, useTowns } from './shared';

/** The actions adopted from the suggestions, with their progress. */
export function ActionsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { nameOf } = useTowns();
  const { data, loading } = useLoad(async () => unwrap(await api.GET('/api/v1/public/actions')), ['actions']);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('ideas.actions.title')}
      </Typography.Title>
      {loading && <Skeleton active />}
      {!loading && (data ?? []).length === 0 && <Empty description={t('ideas.actions.none')} />}
      {(data ?? []).map((a) => (
        <ActionCard key={a.id} action={a} ownerName={nameOf.get(a.ownerUnitId)} />
      ))}
    </Flex>
  );
}
