import { limits } from '@qianxing/core/limits';
import { Alert, Button, Card, Flex, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { Chart } from '../../components/Chart';
import { fileNameOf, saveBlob } from '../../components/download';
import { listed } from '../../components/phrases';
import { useProblemHandler } from '../../components/useProblemHandler';
import { useSession } from '../../session/SessionContext';
import { judgementsFor, RegionalJudgements } from './RegionalJudgements';
import { RegionalSelfForm } from './RegionalSelfForm';
import { RegionalValuesTable } from './RegionalValuesTable';
import { type RegionalReport, useLoad } from './shared';

const allMetrics = [
  'Gdpct01',
  'city_rgdp',
  'GDP_PrimInd',
  'GDP_SecInd',
  'GDP_TerInd',
  'Gdpct02',
  'Gdpct03',
  'Gdpct04',
  'GDP_PerCapita',
  'city_rgdppc',
  'GDPYoY',
] as const;
/** The server's default: eight indicators every Wuling city has (per-capita GDP and growth are gappy). */
const defaultMetrics = allMetrics.slice(0, 8);
const methods = ['entropy', 'ahp', 'manual', 'topsis', 'gra'] as const;
type Method = (typeof methods)[number];
const num = (x: number | null) =>
  x === null ? '—' : x.toLocaleString('zh-CN', { maximumFractionDigits: 2, useGrouping: false });
const pct = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);

/** 跳出黔江看黔江: the district among the Wuling central cities, by a chosen weighting. */
export function RegionalPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  const [year, setYear] = useState(2020);
  const [method, setMethod] = useState<Method>('entropy');
  const [metrics, setMetrics] = useState<string[]>([...defaultMetrics]);
  // AHP's pairwise judgements or the weights set by hand, as typed; reset with the method.
  const [judgements, setJudgements] = useState<string[]>([]);
  // The last load failed: the ranking on screen would be for earlier settings, so none is shown.
  const [failed, setFailed] = useState(false);
  const [level, setLevel] = useState<'prefecture' | 'county'>('prefecture');
  const [trendMetric, setTrendMetric] = useState<string | null>(null);
  const judged =
    method === 'ahp' || method === 'manual' ? judgementsFor(method, metrics.length, judgements) : null;
  // Incomplete judgements compute nothing: the page waits for all of them rather than erring at each.
  const waiting = judged?.send === null;
  const query = {
    year,
    method,
    level,
    metrics: metrics.join(','),
    ...(method === 'manual' && judged?.send ? { weights: judged.send } : {}),
    ...(method === 'ahp' && judged?.send ? { ahp: judged.send } : {}),
  };
  const { can } = useSession();
  const { data: loaded, reload } = useLoad(async () => {
    if (waiting) return null;
    try {
      const report = unwrap(
        await api.GET('/api/v1/targets/regional/report', { params: { query } }),
      ) as RegionalReport;
      setFailed(false);
      return report;
    } catch (error) {
      setFailed(true);
      throw error;
    }
  }, [year, method, level, metrics.join(','), judged?.send ?? null, waiting]);
  const data = waiting || failed ? null : loaded;
  const exportAs = async (
    path: '/api/v1/targets/regional/report.html' | '/api/v1/targets/regional/report.xlsx',
  ) => {
    try {
      const result = await api.GET(path, { params: { query }, parseAs: 'blob' });
      const blob = unwrap(result) as Blob;
      if (path.endsWith('.html'))
        window.open(URL.createObjectURL(new Blob([blob], { type: 'text/html' })), '_blank');
      else saveBlob(blob, fileNameOf(result.response, `regional-${year}.xlsx`));
    } catch (error) {
      onProblem(error);
    }
  };
  const name = (m: RegionalReport['metrics'][number]) => (i18n.language === 'en' ? m.nameEn : m.name);
  const option = data && {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', inverse: true, data: data.rows.map((r) => r.regionName) },
    series: [
      {
        type: 'bar',
        data: data.rows.map((r) => ({
          value: r.score,
          itemStyle: r.isSelf ? { color: '#d4380d' } : undefined,
        })),
        label: { show: true, position: 'right' },
      },
    ],
  };
  const trend = data?.trends.find((x) => x.metric === trendMetric) ?? data?.trends[0];
  const years = trend ? [...new Set(trend.series.flatMap((s) => s.points.map((p) => p[0])))].sort() : [];
  // Each region is one line over the same years; the district is drawn on top, thicker and red.
  const trendOption = trend && {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: years.map(String) },
    yAxis: { type: 'value', scale: true },
    series: trend.series
      .filter((s) => s.points.length > 0)
      .map((s) => {
        const at = new Map(s.points);
        return {
          type: 'line',
          name: s.regionName,
          showSymbol: false,
          z: s.isSelf ? 10 : 2,
          lineStyle: { width: s.isSelf ? 3 : 1.5 },
          ...(s.isSelf ? { itemStyle: { color: '#d4380d' } } : {}),
          data: years.map((y) => at.get(y) ?? null),
        };
      }),
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('targets.regional.title')}</Typography.Title>
      <Space wrap>
        {/* A whole year within the server's bounds: 2020.5 or 1999 is brought to one on leaving the field. */}
        <Space.Compact>
          <Space.Addon>
            <label htmlFor="regional-year">{t('targets.regional.year')}</label>
          </Space.Addon>
          <InputNumber<number>
            id="regional-year"
            value={year}
            min={limits.regionalYear.min}
            max={limits.regionalYear.max}
            precision={0}
            // While 2020.5 is being typed no year is asked for; leaving the field rounds it.
            onChange={(v) => v && Number.isInteger(v) && setYear(v)}
          />
        </Space.Compact>
        <Select<'prefecture' | 'county'>
          aria-label={t('targets.regional.level')}
          value={level}
          onChange={setLevel}
          style={{ width: 260 }}
          options={(['prefecture', 'county'] as const).map((l) => ({
            value: l,
            label: t(`targets.regional.levels.${l}`),
          }))}
        />
        <Select<Method>
          aria-label={t('targets.regional.method')}
          value={method}
          onChange={(m) => {
            setMethod(m);
            setJudgements([]);
          }}
          style={{ width: 200 }}
          options={methods.map((m) => ({
            value: m,
            label: t(`targets.regional.methods.${m}`),
          }))}
        />
        <Select
          aria-label={t('targets.regional.metricsLabel')}
          mode="multiple"
          value={metrics}
          onChange={setMetrics}
          style={{ minWidth: 320 }}
          options={allMetrics.map((m) => ({ value: m, label: t(`targets.regional.metrics.${m}`) }))}
          maxTagCount="responsive"
        />
        {(method === 'ahp' || method === 'manual') && (
          <RegionalJudgements method={method} n={metrics.length} tags={judgements} onChange={setJudgements} />
        )}
        <Button onClick={() => exportAs('/api/v1/targets/regional/report.html')}>
          {t('targets.regional.print')}
        </Button>
        <Button onClick={() => exportAs('/api/v1/targets/regional/report.xlsx')}>
          {t('targets.excel.export')}
        </Button>
      </Space>
      <Typography.Text data-testid="method-explain">
        {t(`targets.regional.methodExplain.${method}`)}
      </Typography.Text>
      {failed && !waiting && (
        <Alert type="warning" showIcon data-testid="regional-failed" title={t('targets.regional.failed')} />
      )}
      {data && (
        <>
          <Typography.Text type="secondary">
            {data.metrics
              .map((m, j) => `${name(m)} ${((data.weights[j] ?? 0) * 100).toFixed(1)}%`)
              .join(' · ')}
            {data.consistency && ` · CR ${data.consistency.cr.toFixed(3)}`}
          </Typography.Text>
          <RegionalValuesTable data={data} canEnter={can('regional.write')} />
          {can('regional.write') && (
            <RegionalSelfForm
              key={`${data.year}/${data.level}/${metrics.join()}`}
              data={data}
              onSaved={reload}
            />
          )}
          {option && (
            <Chart
              option={option}
              height={Math.max(240, data.rows.length * 28)}
              ariaLabel={t('targets.regional.rankChart')}
            />
          )}
          <Table
            rowKey="metric"
            size="small"
            pagination={false}
            dataSource={data.gaps}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('targets.regional.metric'),
                dataIndex: 'metric',
                render: (m) => t(`targets.regional.metrics.${m}`),
              },
              { title: t('targets.regional.self'), dataIndex: 'self', render: num },
              {
                title: t('targets.regional.best'),
                key: 'best',
                render: (_, g) => t('targets.regional.bestIs', { value: num(g.best), region: g.bestRegion }),
              },
              { title: t('targets.regional.mean'), dataIndex: 'mean', render: num },
              { title: t('targets.regional.gapToBest'), dataIndex: 'gapToBest', render: pct },
              { title: t('targets.regional.gapToMean'), dataIndex: 'gapToMean', render: pct },
              { title: t('targets.regional.selfRank'), dataIndex: 'selfRank' },
            ]}
          />
          {trend && trendOption && (
            <Card
              size="small"
              title={t('targets.regional.trendOf', { metric: t(`targets.regional.metrics.${trend.metric}`) })}
              extra={
                <Select
                  aria-label={t('targets.regional.trendMetric')}
                  size="small"
                  value={trend.metric}
                  onChange={setTrendMetric}
                  style={{ width: 200 }}
                  options={data.trends.map((x) => ({
                    value: x.metric,
                    label: t(`targets.regional.metrics.${x.metric}`),
                  }))}
                />
              }
            >
              <Chart option={trendOption} height={340} ariaLabel={t('targets.regional.trendChart')} />
            </Card>
          )}
          {data.demoRegions.length > 0 && (
            <Tag>{t('targets.regional.demoNote', { regions: listed(t, data.demoRegions) })}</Tag>
          )}
        </>
      )}
    </Flex>
  );
}
