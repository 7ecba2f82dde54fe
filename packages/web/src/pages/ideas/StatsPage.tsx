import { Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { LoadFailed } from '../../components/LoadFailed';
import { StatsCharts } from './StatsCharts';
import { domainLabel, domainName, useCampaign, useLoad, useTowns } from './shared';

/** The public dashboard of the campaign. */
export function StatsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { campaign } = useCampaign();
  const { nameOf } = useTowns();
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
        <StatsCharts
          stats={data}
          townName={(id) => nameOf.get(id) ?? id}
          domainName={(code) => domainLabel(t, code, domainName(campaign, code))}
        />
      ) : (
        <Skeleton active />
      )}
    </Flex>
  );
}
