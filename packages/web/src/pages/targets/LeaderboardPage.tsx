import { Card, Empty, Flex, Grid, Segmented, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { Chart } from '../../components/Chart';
import { dayInChina } from '../../components/dayInChina';
import { LoadFailed } from '../../components/LoadFailed';
import { leaderboardChartOption } from './leaderboardChart';
import { type PublicScorecard, quarterLabel, scoreText, tierColor, useLoad } from './shared';
import { UnreportedList } from './UnreportedList';

type Unit = PublicScorecard['categories'][number]['units'][number];
const medal = ['#c8102e', '#d46b08', '#d4a017'];

/** The change of places: 新 for a unit not ranked last quarter, — for the same place (or no comparison). */
function Movement({ delta, newEntrant }: { delta: number | null; newEntrant: boolean | undefined }) {
  const { t } = useTranslation();
  if (newEntrant) return <Tag color="cyan">{t('targets.scorecards.newEntrant')}</Tag>;
  if (delta === null || delta === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text type={delta > 0 ? 'success' : 'danger'}>
      {t(delta > 0 ? 'targets.leaderboard.up' : 'targets.leaderboard.down', { n: Math.abs(delta) })}
    </Typography.Text>
  );
}

function Row({ unit }: { unit: Unit }) {
  const { t, i18n } = useTranslation();
  return (
    <Flex
      align="center"
      gap={12}
      data-testid="leaderboard-row"
      style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}
    >
      <span
        style={{
          flex: '0 0 32px',
          height: 32,
          lineHeight: '32px',
          borderRadius: 16,
          textAlign: 'center',
          fontWeight: 600,
          color: unit.rank <= 3 ? '#fff' : 'inherit',
          background: unit.rank <= 3 ? medal[unit.rank - 1] : '#f5f5f5',
        }}
        data-testid="leaderboard-rank"
      >
        {unit.rank}
      </span>
      <Flex vertical style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text strong ellipsis data-testid="leaderboard-unit">
          {unit.unitName}
        </Typography.Text>
        <Flex gap={4} wrap>
          <Tag color={tierColor[unit.tier]}>{t(`targets.tiers.${unit.tier}`)}</Tag>
          {unit.progressed && <Tag color="gold">{t('targets.tiers.progressed')}</Tag>}
        </Flex>
      </Flex>
      <Flex vertical align="end" style={{ flex: '0 0 auto' }}>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {scoreText(unit.score, i18n.language)}
        </Typography.Text>
        <Movement delta={unit.rankDelta} newEntrant={unit.newEntrant} />
      </Flex>
    </Flex>
  );
}

const quarterPattern = /^\d{4}Q[1-4]$/;

/**
 * The public 季度晾晒 leaderboard: published rankings only, the newest unless `?quarter=2026Q2`
 * asks for an earlier one (a link to a quarter stays that quarter's); one column on a phone.
 */
export function LeaderboardPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('quarter');
  const asked = wanted && quarterPattern.test(wanted) ? wanted : null;
  const { data, loading, failed, reload } = useLoad(async () => {
    const result = asked
      ? await api.GET('/api/v1/public/scorecards/{period}', { params: { path: { period: asked } } })
      : await api.GET('/api/v1/public/scorecards/latest');
    // Nothing published yet is a normal state of the page, not an error.
    return result.response.status === 404 ? null : unwrap(result);
  }, [asked]);
  // The earlier quarters are a choice beside the title; without them the page still stands.
  const periods = useLoad(async () => {
    const result = await api.GET('/api/v1/public/scorecards');
    return result.response.ok ? unwrap(result) : [];
  }, []).data;
  const [category, setCategory] = useState<string | null>(null);
  const pad = screens.md ? 24 : 12;
  if (!data)
    return (
      <div style={{ padding: pad, maxWidth: 960, margin: '0 auto' }}>
        {loading ? (
          <Skeleton active />
        ) : failed ? (
          // Not "nothing published yet": the rankings may well be there.
          <LoadFailed onRetry={() => void reload()} />
        ) : (
          <Empty description={t('targets.leaderboard.none')} />
        )}
      </div>
    );
  const chosen = data.categories.find((c) => c.category === category) ?? data.categories[0];
  const units = chosen?.units ?? [];
  const option = leaderboardChartOption(units, t('targets.scorecards.score'), i18n.language, !!screens.md);
  return (
    <Flex vertical gap={16} style={{ padding: pad, maxWidth: 960, margin: '0 auto', width: '100%' }}>
      <div>
        <Flex wrap align="center" justify="space-between" gap={8} style={{ marginBottom: 4 }}>
          <Typography.Title level={screens.md ? 2 : 4} style={{ margin: 0 }} data-testid="leaderboard-title">
            {t('targets.leaderboard.title', { period: quarterLabel(t, data.period) })}
          </Typography.Title>
          {periods && periods.length > 1 && (
            <Select
              aria-label={t('targets.leaderboard.quarter')}
              data-testid="leaderboard-quarter"
              value={data.period}
              loading={loading}
              style={{ minWidth: 160 }}
              options={periods.map((p) => ({ value: p.period, label: quarterLabel(t, p.period) }))}
              onChange={(period: string) =>
                setParams(period === periods[0]!.period ? {} : { quarter: period }, { replace: true })
              }
            />
          )}
        </Flex>
        <Typography.Text type="secondary">
          {t('targets.leaderboard.published', { date: dayInChina(data.publishedAt) })}
        </Typography.Text>
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('targets.leaderboard.intro')}
      </Typography.Paragraph>
      <Segmented
        block={!screens.md}
        value={chosen?.category}
        onChange={(v) => setCategory(String(v))}
        options={data.categories.map((c) => ({
          value: c.category,
          label: t(`targets.unitCategories.${c.category}`),
        }))}
      />
      <Card size="small" title={t('targets.leaderboard.chart')}>
        <Chart
          option={option}
          height={Math.max(240, units.length * 26)}
          ariaLabel={t('targets.leaderboard.chart')}
        />
      </Card>
      <Card size="small" title={t('targets.leaderboard.list')} styles={{ body: { paddingTop: 0 } }}>
        {units.map((u) => (
          <Row key={u.unitId} unit={u} />
        ))}
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }} data-testid="tie-rule">
          {t('targets.scorecards.tieRule')}
        </Typography.Paragraph>
        <UnreportedList units={chosen?.unreported} />
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('targets.leaderboard.legend')}
      </Typography.Text>
    </Flex>
  );
}
