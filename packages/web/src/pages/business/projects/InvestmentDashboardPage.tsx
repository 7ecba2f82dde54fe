import { Card, Flex, Select, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { Chart } from '../../../components/Chart';
import { yearInChina } from '../../../components/dayInChina';
import { LoadFailed } from '../../../components/LoadFailed';
import { listed } from '../../../components/phrases';
import { useLoad } from '../../../components/useLoad';
import { EntitiesForm } from './EntitiesForm';
import { monthWords } from './shared';

type Dashboard = components['schemas']['InvestmentDashboard'];
type Ytd = Dashboard['ytd']['funds'];

const yoyText = (yoy: number | null) => (yoy === null ? '—' : `${yoy >= 0 ? '+' : ''}${yoy.toFixed(1)}%`);

/**
 * 招商引资 dashboard: the year to date's signed projects, amounts, funds in place and new market
 * entities against the same months of the year before; each month in bars; and the landing
 * cycle's trend against the baseline year and the district's 40 % target.
 */
export function InvestmentDashboardPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const thisYear = yearInChina();
  // A link may name the period (?year=2026&through=2), as the district's reports do.
  const [params] = useSearchParams();
  const [year, setYear] = useState(Number(params.get('year')) || thisYear);
  const [through, setThrough] = useState<number | undefined>(Number(params.get('through')) || undefined);
  const [version, setVersion] = useState(0);
  const dashboard = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/business/investment-dashboard', { params: { query: { year, through } } }),
      ),
    [year, through, version],
  );
  const { data } = dashboard;
  const projects = useLoad(async () => unwrap(await api.GET('/api/v1/business/projects')), []);
  const list = projects.data;
  // Figures and the year before's alike in the reader's grouping (4,739 beside 4,929).
  const count = (n: number) => n.toLocaleString(i18n.language);
  const amount = (wan: number) =>
    (wan / 10000).toLocaleString(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const card = (key: string, ytd: Ytd | undefined, value: (n: number) => string) => (
    <Card size="small" style={{ minWidth: 180 }} key={key}>
      <Statistic title={t(`business.investment.${key}`)} value={ytd ? value(ytd.value) : '—'} />
      <Typography.Text type="secondary" data-testid={`yoy-${key}`}>
        {t('business.investment.yoy', {
          value: yoyText(ytd?.yoy ?? null),
          last: ytd ? value(ytd.lastYear) : '—',
        })}
      </Typography.Text>
    </Card>
  );
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('business.investment.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('business.investment.intro')}</Typography.Text>
      </div>
      <Space wrap>
        <Select
          aria-label={t('business.investment.year')}
          data-testid="dashboard-year"
          style={{ width: 120 }}
          value={year}
          onChange={(y) => {
            setYear(y);
            setThrough(undefined);
          }}
          options={[...new Set([thisYear - 2, thisYear - 1, thisYear, year])]
            .sort()
            .map((y) => ({ value: y, label: String(y) }))}
        />
        <Select
          aria-label={t('business.investment.through')}
          // Wide enough for the longest English period, January–September.
          style={{ minWidth: 200 }}
          value={data?.through}
          onChange={setThrough}
          data-testid="dashboard-through"
          options={Array.from({ length: 12 }, (_, i) => ({
            value: i + 1,
            label: monthWords(t, 'throughMonth', i + 1, i18n.language),
          }))}
        />
      </Space>
      {/* In place of the figures: dashes and no chart would read as a period with nothing to show. */}
      {dashboard.failed && !data && !dashboard.loading ? (
        <LoadFailed onRetry={() => void dashboard.reload()} />
      ) : (
        <Flex gap={12} wrap data-testid="dashboard-figures">
          {card('signedCount', data?.ytd.signedCount, count)}
          {card('signedAmount', data?.ytd.signedAmount, amount)}
          {card('funds', data?.ytd.funds, amount)}
          {card('entities', data?.ytd.entities, count)}
          <Card size="small" style={{ minWidth: 140 }}>
            <Statistic title={t('business.investment.stalled')} value={data?.stalled ?? '—'} />
          </Card>
        </Flex>
      )}
      {data && (
        <Card size="small" title={t('business.investment.monthly', { year: data.year })}>
          <MonthlyChart data={data} />
        </Card>
      )}
      {data && (
        <Card size="small" title={t('business.investment.landing', { year: data.landing.baselineYear })}>
          <LandingChart data={data} />
        </Card>
      )}
      {list?.actions.setEntities && <EntitiesForm onSaved={() => setVersion((v) => v + 1)} />}
      {/* Whether the entities form is theirs comes with the projects: when those failed, say so. */}
      {projects.failed && !projects.loading && (
        <LoadFailed title={t('business.investment.entitiesFailed')} onRetry={() => void projects.reload()} />
      )}
    </Flex>
  );
}

function MonthlyChart({ data }: { data: Dashboard }) {
  const { t, i18n } = useTranslation();
  const wanToYi = (n: number) => Math.round(n / 100) / 100;
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 16, top: 24, bottom: 48, containLabel: true },
    xAxis: {
      type: 'category',
      data: data.months.map((_, i) => monthWords(t, 'monthShort', i + 1, i18n.language)),
    },
    yAxis: [
      // Axis names run inwards from their axis: centred on it, the left one was cut at the
      // chart's edge in English ("00 million yuan").
      { type: 'value', name: t('business.investment.yi'), nameTextStyle: { align: 'left' } },
      { type: 'value', name: t('business.investment.entitiesUnit'), nameTextStyle: { align: 'right' } },
    ],
    series: [
      {
        type: 'bar',
        name: t('business.investment.signedAmount'),
        data: data.months.map((m) => wanToYi(m.signedAmount)),
      },
      {
        type: 'bar',
        name: t('business.investment.signedAmountLast'),
        data: data.lastYearMonths.map((m) => wanToYi(m.signedAmount)),
      },
      { type: 'bar', name: t('business.investment.funds'), data: data.months.map((m) => wanToYi(m.funds)) },
      {
        type: 'line',
        yAxisIndex: 1,
        name: t('business.investment.entities'),
        data: data.months.map((m) => m.entities),
      },
    ],
  };
  return (
    <Chart option={option} height={340} ariaLabel={t('business.investment.monthly', { year: data.year })} />
  );
}

function LandingChart({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const { landing } = data;
  const target =
    landing.baselineDays === null ? null : Math.round(landing.baselineDays * (1 - landing.targetCut / 100));
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 24, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: landing.periods.map((p) => p.period) },
    yAxis: {
      type: 'value',
      name: t('business.investment.daysUnit'),
      min: 0,
      nameTextStyle: { align: 'left' },
    },
    series: [
      {
        type: 'line',
        name: t('business.investment.medianDays'),
        data: landing.periods.map((p) => p.medianDays),
        markLine:
          target === null
            ? undefined
            : {
                symbol: 'none',
                data: [
                  { yAxis: landing.baselineDays, name: t('business.investment.baseline') },
                  { yAxis: target, name: t('business.investment.target', { cut: landing.targetCut }) },
                ],
                // Above the line's end, inside the chart: past its end they were cut to "Ba", "Ta".
                label: { formatter: '{b}: {c}', position: 'insideEndTop' },
              },
      },
    ],
  };
  return (
    <>
      <Chart
        option={option}
        height={300}
        ariaLabel={t('business.investment.landing', { year: landing.baselineYear })}
      />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="landing-summary">
        {landing.baselineDays === null
          ? t('business.investment.noBaseline')
          : t('business.investment.landingSummary', {
              baseline: landing.baselineDays,
              target,
              cut: landing.targetCut,
              changes: listed(
                t,
                landing.periods
                  .filter((p) => p.change !== null)
                  .map((p) => `${p.period} ${yoyText(p.change)}`),
              ),
            })}
      </Typography.Paragraph>
    </>
  );
}
