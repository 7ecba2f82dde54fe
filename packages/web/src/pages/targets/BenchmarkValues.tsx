import { Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { fixedPaging } from '../../components/fixedPaging';
import { emptyUnlessFailed, LoadFailed } from '../../components/LoadFailed';
import { HiddenActionsTitle, RowActionButton } from '../../components/rowActions';
import { BenchmarkChart } from './BenchmarkChart';
import { type Benchmark, BenchmarkEdit } from './BenchmarkEdit';
import { BenchmarkExcel } from './BenchmarkExcel';
import { periodChoices, periodLabel } from './periods';
import { type Indicator, type Region, useLoad } from './shared';

type Named<T> = { data: T[] | null; loading: boolean; failed: boolean; reload: () => Promise<void> };

/**
 * The peer regions' benchmark values, filtered by region, indicator and period, with the
 * workbook's template, export and import and an edit of one value. Regions and indicators are
 * named, never shown by id; a filter whose names could not be loaded says so.
 */
export function BenchmarkValues({ regions }: { regions: Named<Region> }) {
  const { t } = useTranslation();
  const api = useApi();
  const [regionId, setRegionId] = useState<string>();
  const [indicatorId, setIndicatorId] = useState<string>();
  const [period, setPeriod] = useState<string>();
  const [editing, setEditing] = useState<Benchmark | null>(null);
  const indicators = useLoad(
    async () =>
      unwrap(await api.GET('/api/v1/targets/indicators', { params: { query: { pageSize: 500 } } })).items,
    [],
  );
  const values = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/targets/benchmarks', { params: { query: { regionId, indicatorId, period } } }),
      ),
    [regionId, indicatorId, period],
  );
  const choice = (load: Named<{ id: string }>) => ({
    loading: load.loading,
    // While the names load the list shows its spinner, never "no data".
    notFoundContent: load.loading ? null : undefined,
  });
  const indicator = indicators.data?.find((i) => i.id === indicatorId);
  return (
    <Card title={t('targets.benchmarks.values.title')} size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('targets.benchmarks.values.region')}
          placeholder={t('targets.benchmarks.values.region')}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 200 }}
          value={regionId}
          onChange={setRegionId}
          options={(regions.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          {...choice(regions)}
        />
        <Select
          aria-label={t('targets.benchmarks.values.indicator')}
          placeholder={t('targets.benchmarks.values.indicator')}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 280 }}
          value={indicatorId}
          onChange={setIndicatorId}
          options={(indicators.data ?? []).map((i: Indicator) => ({
            value: i.id,
            label: `${i.code} ${i.name}`,
          }))}
          {...choice(indicators)}
        />
        <Select
          aria-label={t('targets.benchmarks.values.period')}
          placeholder={t('targets.benchmarks.values.period')}
          allowClear
          style={{ width: 160 }}
          value={period}
          onChange={setPeriod}
          options={periodChoices((values.data ?? []).map((b) => b.period)).map((p) => ({
            value: p,
            label: periodLabel(t, p),
          }))}
        />
        <BenchmarkExcel onImported={values.reload} />
      </Space>
      {indicators.failed && <LoadFailed onRetry={() => void indicators.reload()} />}
      {indicator && values.data && (
        <BenchmarkChart indicator={indicator} values={values.data} period={period} />
      )}
      <Table<Benchmark>
        locale={{ emptyText: emptyUnlessFailed(values, t('targets.benchmarks.values.none')) }}
        rowKey={(b) => `${b.regionId}/${b.indicatorId}/${b.period}`}
        size="small"
        loading={values.loading}
        dataSource={values.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ ...fixedPaging(), hideOnSinglePage: true }}
        columns={[
          { title: t('targets.benchmarks.values.region'), dataIndex: 'regionName' },
          {
            title: t('targets.benchmarks.values.indicator'),
            key: 'indicator',
            render: (_, b) => `${b.indicatorCode} ${b.indicatorName}`,
          },
          {
            title: t('targets.benchmarks.values.period'),
            dataIndex: 'period',
            render: (p: string) => periodLabel(t, p),
          },
          { title: t('targets.benchmarks.values.value'), dataIndex: 'value', align: 'right' },
          {
            title: t('targets.benchmarks.values.source'),
            key: 'source',
            render: (_, b) => (
              <Space size={4}>
                {b.source}
                {b.isDemo && <Tag>{t('common.demo')}</Tag>}
              </Space>
            ),
          },
          {
            title: <HiddenActionsTitle />,
            key: 'actions',
            render: (_, b) => (
              <RowActionButton
                onClick={() => setEditing(b)}
                action={t('targets.benchmarks.values.edit')}
                row={t('targets.benchmarks.values.rowName', {
                  region: b.regionName,
                  indicator: b.indicatorName,
                  period: periodLabel(t, b.period),
                })}
              />
            ),
          },
        ]}
      />
      <BenchmarkEdit editing={editing} onClose={() => setEditing(null)} onSaved={values.reload} />
    </Card>
  );
}
