import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { BenchmarkValues } from './BenchmarkValues';
import { PeerRegions } from './PeerRegions';
import { useLoad } from './shared';

/**
 * 对标地区与标杆值: the regions the district is compared with and their benchmark values, kept by
 * the office, by hand or through Excel. The catch-up index is computed from these values.
 */
export function BenchmarksPage() {
  const { t } = useTranslation();
  const api = useApi();
  const regions = useLoad(async () => unwrap(await api.GET('/api/v1/targets/regions')), []);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('targets.benchmarks.title')}</Typography.Title>
      <PeerRegions regions={regions} />
      <BenchmarkValues regions={regions} />
    </Flex>
  );
}
