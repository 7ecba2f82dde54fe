import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { type Role, roles } from '../../api/types';
import { Chart } from '../../components/Chart';

/** Accounts per role, from the list's totals (one row per request is enough to read a total). */
export function UsersPerRoleChart() {
  const { t } = useTranslation();
  const api = useApi();
  const [totals, setTotals] = useState<{ role: Role; total: number }[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    Promise.all(
      roles.map(async (role) => {
        const page = unwrap(await api.GET('/api/v1/users', { params: { query: { role, pageSize: 1 } } }));
        return { role, total: page.total };
      }),
    ).then(
      (result) => live && setTotals(result),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (failed) return <Alert type="error" title={t('admin.overview.chartFailed')} />;
  const labels = roles.map((role) => t(`common.roles.${role}`));
  return (
    <Chart
      height={280}
      ariaLabel={t('admin.overview.usersPerRole')}
      option={{
        tooltip: {},
        grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { type: 'bar', data: totals?.map((row) => row.total) ?? [], itemStyle: { color: '#b3261e' } },
        ],
      }}
    />
  );
}
