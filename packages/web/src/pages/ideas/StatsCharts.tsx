import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartProps } from '../../components/Chart';
import { type IdeaStats, useCount } from './shared';

type Count = IdeaStats['byDay'][number];

/**
 * A bar chart of counts; horizontal when the labels are long (towns, domains, authors, survey
 * options). A horizontal chart's names wrap at a width, and the grid makes room for them: on a
 * 390 px phone a long English name ("Deputy or CPPCC member") was cut at the card's edge.
 */
export function bar(counts: Count[], label: (key: string) => string, horizontal = false) {
  const names = counts.map((c) => label(c.key));
  const values = counts.map((c) => c.n);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? { type: 'value' } : { type: 'category', data: names, axisLabel: { rotate: 30 } },
    yAxis: horizontal
      ? { type: 'category', data: names, inverse: true, axisLabel: { width: 120, overflow: 'break' } }
      : { type: 'value' },
    series: [{ type: 'bar', data: values }],
  };
}

/** The height a horizontal bar chart needs for its bars and their (possibly two-line) names. */
const barsHeight = (counts: Count[], least: number) => Math.max(least, counts.length * 32 + 32);

/**
 * The campaign's charts, each with its key and height. Channels and authors have bars across:
 * their names, rotated under upright bars, ran off a phone's screen.
 */
export function statsCharts(
  stats: IdeaStats,
  label: (prefix: string) => (key: string) => string,
  townName: (id: string) => string,
  domainName: (code: string) => string,
): Array<[string, ChartProps['option'], number]> {
  const byDay = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: stats.byDay.map((c) => c.key) },
    yAxis: { type: 'value' },
    series: [{ type: 'line', data: stats.byDay.map((c) => c.n), smooth: true }],
  };
  return [
    ['byDay', byDay, 280],
    ['byChannel', bar(stats.byChannel, label('channel'), true), barsHeight(stats.byChannel, 200)],
    ['byAuthorKind', bar(stats.byAuthorKind, label('authorKind'), true), barsHeight(stats.byAuthorKind, 200)],
    ['byDomain', bar(stats.byDomain, domainName, true), barsHeight(stats.byDomain, 320)],
    ['byTown', bar(stats.byTown, townName, true), Math.max(320, stats.byTown.length * 22)],
  ];
}

/**
 * The campaign's figures as charts: by day, channel, town, author kind and domain. A chart whose
 * labels could not be loaded (the towns' names, the campaign's domains) shows `instead` of it.
 */
export function StatsCharts({
  stats,
  townName,
  domainName,
  instead = {},
}: {
  stats: IdeaStats;
  townName(id: string): string;
  domainName(code: string): string;
  instead?: { byTown?: ReactNode; byDomain?: ReactNode };
}) {
  const { t } = useTranslation();
  const count = useCount();
  const label = (prefix: string) => (key: string) => t(`ideas.${prefix}.${key}`, { defaultValue: key });
  const charts = statsCharts(stats, label, townName, domainName);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12}>
        <Statistic title={t('ideas.home.participations')} value={stats.participations} />
      </Col>
      <Col xs={12}>
        <Statistic title={t('ideas.home.suggestions')} value={stats.suggestions} />
      </Col>
      {charts.map(([key, option, height]) => (
        <Col key={key} xs={24} lg={key === 'byDay' || key === 'byTown' ? 24 : 12}>
          <Card size="small" title={chartTitle(t, key)}>
            {instead[key as keyof typeof instead] ?? (
              <Chart option={option} height={height} ariaLabel={chartTitle(t, key)} />
            )}
            {key === 'byTown' && stats.outsideTowns > 0 && (
              <Typography.Text type="secondary" data-testid="stats-outside-towns">
                {t('ideas.stats.outsideTowns', { count: stats.outsideTowns, n: count(stats.outsideTowns) })}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function chartTitle(t: TFunction, key: string) {
  return t(`ideas.stats.${key}`);
}
