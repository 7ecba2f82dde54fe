import { Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { LoadFailed } from '../../components/LoadFailed';
import { StatsCharts } from './StatsCharts';
import { useCampaign, useLoad, useTowns } from './shared';
import { statsNames } from './statsNames';

/** The public dashboard of the campaign. */
export function StatsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const campaignLoad = useCampaign();
  const towns = useTowns();
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/stats')),
    ['stats'],
  );
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('ideas.stats.title')}
      </Typography.Title>
      {failed && !loading ? (
        <LoadFailed onRetry={() => void reload()} />
      ) : data ? (
        <StatsCharts stats={data} {...statsNames(t, towns, campaignLoad, data.byDomain)} />
      ) : (
        <Skeleton active />
      )}
    </Flex>
  );
}
