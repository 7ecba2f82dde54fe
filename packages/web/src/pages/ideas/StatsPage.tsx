import { Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { LoadFailed } from '../../components/LoadFailed';
import { StatsCharts } from './StatsCharts';
import { domainLabelOf, useCampaign, useLoad, useTowns } from './shared';

/** A chart's place while the names of its bars are still loading. */
function NamesPending() {
  return (
    <div data-testid="stats-names-pending" aria-busy="true">
      <Skeleton active />
    </div>
  );
}

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
        <StatsCharts
          stats={data}
          townName={(id) => towns.nameOf.get(id) ?? t('ideas.stats.unlistedTown')}
          domainName={(code) => domainLabelOf(t, code, campaignLoad.campaign) ?? ''}
          // Names that failed to load say so in their chart's place, and names still on their way
          // hold it with a placeholder: never bars with ids, codes or no label at all.
          instead={{
            byTown: towns.failed ? (
              <LoadFailed onRetry={() => void towns.reload()} />
            ) : towns.loaded ? undefined : (
              <NamesPending />
            ),
            byDomain:
              campaignLoad.loaded ||
              !data.byDomain.some((c) => !domainLabelOf(t, c.key, null)) ? undefined : campaignLoad.failed ? (
                <LoadFailed onRetry={() => void campaignLoad.reload()} />
              ) : (
                <NamesPending />
              ),
          }}
        />
      ) : (
        <Skeleton active />
      )}
    </Flex>
  );
}
