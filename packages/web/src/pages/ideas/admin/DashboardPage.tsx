import { Button, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { LoadFailed } from '../../../components/LoadFailed';
import { useDownload } from '../../../components/useDownload';
import { StatsCharts } from '../StatsCharts';
import { useCampaign, useLoad, useTowns } from '../shared';
import { statsNames } from '../statsNames';
import { EventKindFigures } from './EventKindFigures';

/**
 * The campaign's figures for the office, organisers and screeners. The server limits them to
 * what the person may see: the whole district, or an organiser's own units.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const api = useApi();
  const campaign = useCampaign();
  const towns = useTowns();
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/ideas/stats')),
    ['staff-stats'],
  );

  const { download, busy: exporting } = useDownload(
    () => api.GET('/api/v1/ideas/stats/export', { parseAs: 'blob' }),
    'campaign-stats.xlsx',
  );

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('ideas.dashboard.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('ideas.dashboard.intro')}</Typography.Text>
      </div>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Space wrap size={[4, 4]} data-testid="dashboard-scope">
          <Typography.Text>{t('ideas.dashboard.scope')}</Typography.Text>
          {data &&
            (data.scope === null ? (
              <Tag color="blue">{t('ideas.dashboard.district')}</Tag>
            ) : data.scope.length === 0 ? (
              <Tag>{t('ideas.dashboard.noUnits')}</Tag>
            ) : (
              data.scope.map((unit) => <Tag key={unit.id}>{unit.name}</Tag>)
            ))}
        </Space>
        {data?.actions.export && (
          <Button onClick={download} loading={exporting} data-testid="dashboard-export">
            {t('ideas.dashboard.export')}
          </Button>
        )}
      </Flex>
      {failed && !loading ? (
        <LoadFailed onRetry={() => void reload()} />
      ) : data ? (
        <>
          <EventKindFigures figures={data.byEventKind} />
          <StatsCharts stats={data} {...statsNames(t, towns, campaign, data.byDomain)} />
        </>
      ) : (
        <Skeleton active />
      )}
    </Flex>
  );
}
