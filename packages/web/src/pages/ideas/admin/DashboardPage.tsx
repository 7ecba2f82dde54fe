import { Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { StatsCharts } from '../StatsCharts';
import { domainName, useCampaign, useLoad, useTowns } from '../shared';

/**
 * The campaign's figures for the office and organisers. The API offers district-wide figures
 * only (GET /public/stats) and no export, so this page shows those.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const api = useApi();
  const campaign = useCampaign();
  const { nameOf } = useTowns();
  const { data } = useLoad(async () => unwrap(await api.GET('/api/v1/public/stats')), ['stats']);
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('ideas.dashboard.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('ideas.dashboard.intro')}</Typography.Text>
      </div>
      {data ? (
        <StatsCharts
          stats={data}
          townName={(id) => nameOf.get(id) ?? id}
          domainName={(c) => domainName(campaign, c)}
        />
      ) : (
        <Skeleton active />
      )}
    </Flex>
  );
}
