import { Card, Empty, Flex, Grid, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { Chart } from '../../components/Chart';
import { LoadFailed } from '../../components/LoadFailed';
import { useLoad } from '../../components/useLoad';

type Scorecard = components['schemas']['BusinessPublicScorecard'];
type Line = components['schemas']['BusinessScorecardLine'];
type Tier = NonNullable<Line['tier']>;

const tierColor: Record<Tier, string> = { good: 'green', fair: 'blue', poor: 'red' };
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** A month as the reader says it: 2026年10月, or October 2026. */
function monthLabel(month: string, language: string) {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year!, m! - 1, 1)),
  );
}

/**
 * A month in few characters, for a phone's axis: 26年10月, or Oct 2026 (in English a two-digit
 * year, "Oct 26", reads as the 26th of October).
 */
export function shortMonth(month: string, language: string) {
  const [year, m] = month.split('-').map(Number);
  const digits = language.startsWith('zh') ? '2-digit' : 'numeric';
  return new Intl.DateTimeFormat(language, { year: digits, month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year!, m! - 1, 1)),
  );
}

/** 部门效能晾晒: each month's department scorecard of the firms' requests, with a year's trend. */
export function PublicScorecardPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const screens = Grid.useBreakpoint();
  const [month, setMonth] = useState<string | undefined>();
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/business/scorecard', { params: { query: { month } } })),
    [month],
  );
  const pad = screens.md ? 24 : 12;
  const frame = { padding: pad, maxWidth: 1040, margin: '0 auto', width: '100%' };
  if (!data)
    return (
      <div style={frame}>
        {loading ? <Skeleton active /> : failed ? <LoadFailed onRetry={() => void reload()} /> : null}
      </div>
    );
  const { settings } = data;
  return (
    <Flex vertical gap={16} style={frame}>
      <div>
        <Typography.Title
          level={screens.md ? 2 : 4}
          style={{ marginBottom: 4 }}
          data-testid="scorecard-title"
        >
          {t('business.scorecard.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('business.scorecard.intro', {
            response: settings.weights.response,
            resolution: settings.weights.resolution,
            satisfaction: settings.weights.satisfaction,
            good: settings.goodFrom,
            poor: settings.poorBelow,
            rating: settings.ratingWorkdays,
          })}
        </Typography.Paragraph>
      </div>
      {data.month === null ? (
        <Empty description={t('business.scorecard.none')} />
      ) : (
        <>
          <Select
            aria-label={t('business.scorecard.month')}
            style={{ width: 200 }}
            value={data.month}
            onChange={setMonth}
            data-testid="scorecard-month"
            options={[...data.months]
              .reverse()
              .map((m) => ({ value: m, label: monthLabel(m, i18n.language) }))}
          />
          <Card
            size="small"
            title={t('business.scorecard.ranking', { month: monthLabel(data.month, i18n.language) })}
          >
            <Ranking lines={data.departments} loading={loading} narrow={!screens.md} />
          </Card>
          <SurveyNote data={data} />
          <Card size="small" title={t('business.scorecard.trend')}>
            <Trend data={data} language={i18n.language} narrow={!screens.md} />
          </Card>
        </>
      )}
    </Flex>
  );
}

/** Which survey the survey column shows, and its weight in the score; a link to every survey. */
function SurveyNote({ data }: { data: Scorecard }) {
  const { t } = useTranslation();
  const survey = data.departments.find((d) => d.survey)?.survey;
  return (
    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
      {survey &&
        // A weight of 0 leaves the survey out of the score: said so, not as "with weight 0".
        `${t(data.settings.weights.survey === 0 ? 'business.scorecard.surveyNoteUncounted' : 'business.scorecard.surveyNote', { title: survey.title, weight: data.settings.weights.survey })} `}
      <Link to="/business/surveys">{t('business.scorecard.surveysLink')}</Link>
    </Typography.Paragraph>
  );
}

function Ranking({ lines, loading, narrow }: { lines: Line[]; loading: boolean; narrow: boolean }) {
  const { t } = useTranslation();
  // On a phone the rates give way to rank, name, score (its tier under it) and the survey's
  // score, so nothing scrolls sideways (a scrolling region with nothing to focus cannot be
  // scrolled from a keyboard); with the tier in a column of its own, the English table was
  // 28 px wider than a 375 px phone.
  const wide = ['md' as const];
  const tierTag = (l: Line) =>
    l.tier && (
      <Tag color={tierColor[l.tier]} data-testid="scorecard-tier">
        {t(`business.scorecard.tiers.${l.tier}`)}
      </Tag>
    );
  return (
    <Table<Line>
      rowKey="departmentId"
      size="small"
      loading={loading}
      dataSource={lines}
      pagination={false}
      data-testid="scorecard-table"
      columns={[
        { title: t('business.scorecard.rank'), dataIndex: 'rank', width: 64 },
        { title: t('business.scorecard.department'), dataIndex: 'departmentName' },
        {
          title: t('business.scorecard.score'),
          key: 'score',
          render: (_, l) => (
            <Flex vertical align="start" gap={4}>
              <span data-testid="scorecard-score">{l.score === null ? '—' : l.score.toFixed(2)}</span>
              {narrow && tierTag(l)}
            </Flex>
          ),
        },
        { title: t('business.scorecard.tier'), key: 'tier', responsive: wide, render: (_, l) => tierTag(l) },
        { title: t('business.scorecard.requests'), dataIndex: 'requests', responsive: wide },
        {
          title: t('business.scorecard.responseRate'),
          key: 'r',
          responsive: wide,
          render: (_, l) => percent(l.responseRate),
        },
        {
          title: t('business.scorecard.resolutionRate'),
          key: 's',
          responsive: wide,
          render: (_, l) => percent(l.resolutionRate),
        },
        {
          title: t('business.scorecard.satisfactionRate'),
          key: 'f',
          responsive: wide,
          render: (_, l) => percent(l.satisfactionRate),
        },
        {
          title: t('business.scorecard.survey'),
          key: 'survey',
          render: (_, l) =>
            l.survey ? (
              <span data-testid="scorecard-survey">
                {t('business.scorecard.surveyValue', {
                  mean: l.survey.mean.toFixed(2),
                  n: l.survey.firms + l.survey.public,
                })}
              </span>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

type TrendLine = Scorecard['trend'][number];
const rounded = (s: number | null) => (s === null ? null : Math.round(s * 100) / 100);

/**
 * The lines a trend draws: every department's on a wide screen; on a phone, where fifteen lines
 * and a legend paged 1/8 could not be read, the chosen department's beside the average of all.
 */
export function trendSeries(trend: TrendLine[], chosen: string | null, averageName: string) {
  const line = (name: string, scores: (number | null)[]) => ({
    type: 'line',
    name,
    connectNulls: false,
    data: scores.map(rounded),
  });
  if (chosen === null) return trend.map((d) => line(d.departmentName, d.scores));
  const shown = trend.find((d) => d.departmentId === chosen);
  const months = trend[0]?.scores.length ?? 0;
  const average = Array.from({ length: months }, (_, i) => {
    const scores = trend.map((d) => d.scores[i]).filter((s): s is number => typeof s === 'number');
    return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
  });
  return [
    ...(shown ? [line(shown.departmentName, shown.scores)] : []),
    { ...line(averageName, average), lineStyle: { type: 'dashed' }, itemStyle: { color: '#8c8c8c' } },
  ];
}

function Trend({ data, language, narrow }: { data: Scorecard; language: string; narrow: boolean }) {
  const { t } = useTranslation();
  // On a phone one department at a time, the month's first by default.
  const [picked, setPicked] = useState<string | undefined>();
  const chosen = picked ?? data.departments[0]?.departmentId ?? data.trend[0]?.departmentId ?? null;
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
    xAxis: {
      type: 'category',
      data: data.months.map((m) => (narrow ? shortMonth(m, language) : monthLabel(m, language))),
    },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: trendSeries(data.trend, narrow ? chosen : null, t('business.scorecard.trendAverage')),
  };
  return (
    <Flex vertical gap={8}>
      {narrow && (
        <Select
          aria-label={t('business.scorecard.trendDepartment')}
          value={chosen ?? undefined}
          onChange={setPicked}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="scorecard-trend-department"
          options={data.trend.map((d) => ({ value: d.departmentId, label: d.departmentName }))}
        />
      )}
      <Chart option={option} height={narrow ? 280 : 360} ariaLabel={t('business.scorecard.trend')} />
    </Flex>
  );
}
