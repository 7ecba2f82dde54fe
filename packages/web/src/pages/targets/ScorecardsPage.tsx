import { Button, Flex, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { fileNameOf, saveBlob } from '../../components/download';
import { useFeedback } from '../../components/Feedback';
import { LoadFailed } from '../../components/LoadFailed';
import { useProblemHandler } from '../../components/useProblemHandler';
import { useSession } from '../../session/SessionContext';
import {
  quarterLabel,
  quarterOver,
  rankedCount,
  recentQuarters,
  type Scorecard,
  type ScorecardUnit,
  scoreText,
  statusColor,
  tierColor,
  useLoad,
} from './shared';
import { UnreportedList } from './UnreportedList';

/**
 * The change of places: 新 for a unit not ranked last quarter, — for the same place or when there
 * is nothing to compare, as on the public leaderboard.
 */
function RankChange({ unit }: { unit: ScorecardUnit }) {
  const { t } = useTranslation();
  if (unit.newEntrant) return <Tag color="cyan">{t('targets.scorecards.newEntrant')}</Tag>;
  const d = unit.rankDelta;
  if (d === null || d === 0) return '—';
  return d > 0 ? `↑${d}` : `↓${-d}`;
}

/** 季度晾晒: the office computes a quarter's draft, checks it and publishes it. */
export function ScorecardsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const { can } = useSession();
  // Only a quarter that is over is computed (the server refuses one that is not): the newest first.
  const quarters = recentQuarters().filter((q) => quarterOver(q));
  const [period, setPeriod] = useState(quarters[0]!);
  const [current, setCurrent] = useState<Scorecard | null>(null);
  const list = useLoad(async () => unwrap(await api.GET('/api/v1/targets/scorecards')), []);
  const newest = list.data?.[0]?.id;

  const open = async (id: string) => {
    try {
      setCurrent(unwrap(await api.GET('/api/v1/targets/scorecards/{id}', { params: { path: { id } } })));
    } catch (error) {
      onProblem(error);
    }
  };
  // The newest quarter opens by itself, so the page never starts empty.
  // biome-ignore lint/correctness/useExhaustiveDependencies: opens once, when the list first arrives
  useEffect(() => {
    if (newest && !current) void open(newest);
  }, [newest]);
  const compute = async () => {
    try {
      setCurrent(unwrap(await api.POST('/api/v1/targets/scorecards', { body: { period } })));
      await list.reload();
    } catch (error) {
      onProblem(error);
    }
  };
  const publish = async () => {
    if (!current) return;
    try {
      setCurrent(
        unwrap(
          await api.POST('/api/v1/targets/scorecards/{id}/publish', { params: { path: { id: current.id } } }),
        ),
      );
      void message.success(t('targets.scorecards.published'));
      await list.reload();
    } catch (error) {
      onProblem(error);
    }
  };
  const summary = async () => {
    try {
      const year = Number(period.slice(0, 4));
      const result = await api.GET('/api/v1/targets/evaluation/summary', {
        params: { query: { year } },
        parseAs: 'blob',
      });
      saveBlob(unwrap(result) as Blob, fileNameOf(result.response, `evaluation-${year}.xlsx`));
    } catch (error) {
      onProblem(error);
    }
  };

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('targets.scorecards.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('targets.scorecards.intro')}</Typography.Text>
      </div>
      {list.failed && !list.loading && <LoadFailed onRetry={() => void list.reload()} />}
      <Space wrap>
        {(list.data ?? []).map((s) => (
          <Button
            key={s.id}
            type={current?.id === s.id ? 'primary' : 'default'}
            ghost={current?.id === s.id}
            onClick={() => open(s.id)}
          >
            {quarterLabel(t, s.period)}{' '}
            <Tag color={statusColor[s.status]}>{t(`targets.status.${s.status}`)}</Tag>
          </Button>
        ))}
      </Space>
      <Space wrap>
        {can('scorecard.compute') && (
          <>
            <Select
              aria-label={t('targets.period')}
              data-testid="scorecard-period"
              value={period}
              onChange={setPeriod}
              style={{ width: 160 }}
              options={quarters.map((q) => ({ value: q, label: quarterLabel(t, q) }))}
            />
            <Button type="primary" onClick={compute} data-testid="scorecard-compute">
              {t('targets.scorecards.compute')}
            </Button>
          </>
        )}
        {can('evaluation.summary') && <Button onClick={summary}>{t('targets.scorecards.summary')}</Button>}
      </Space>
      {current && (
        <>
          <Space>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="scorecard-title">
              {quarterLabel(t, current.period)}
            </Typography.Title>
            <Tag color={statusColor[current.status]}>{t(`targets.status.${current.status}`)}</Tag>
            {can('scorecard.publish') && current.status === 'draft' && rankedCount(current) === 0 && (
              <Typography.Text type="secondary" data-testid="scorecard-nothing-ranked">
                {t('targets.scorecards.nothingRanked')}
              </Typography.Text>
            )}
            {can('scorecard.publish') && current.status === 'draft' && rankedCount(current) > 0 && (
              <Popconfirm
                title={t('targets.scorecards.publishConfirm')}
                onConfirm={publish}
                okButtonProps={{ 'data-testid': 'scorecard-publish-confirm' } as Record<string, string>}
              >
                <Button type="primary" danger data-testid="scorecard-publish">
                  {t('targets.scorecards.publish')}
                </Button>
              </Popconfirm>
            )}
          </Space>
          <Tabs
            items={current.result.categories.map((c) => ({
              key: c.category,
              label: t(`targets.unitCategories.${c.category}`),
              children: (
                <Flex vertical gap={12}>
                  <Table<ScorecardUnit>
                    rowKey="unitId"
                    size="small"
                    dataSource={c.units}
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    columns={[
                      { title: t('targets.scorecards.rank'), dataIndex: 'rank' },
                      { title: t('targets.plans.unit'), dataIndex: 'unitName' },
                      {
                        title: t('targets.scorecards.score'),
                        dataIndex: 'score',
                        render: (x: number) => scoreText(x, i18n.language),
                      },
                      {
                        title: t('targets.scorecards.tier'),
                        dataIndex: 'tier',
                        render: (x) => <Tag color={tierColor[x]}>{t(`targets.tiers.${x}`)}</Tag>,
                      },
                      {
                        title: t('targets.scorecards.progressed'),
                        dataIndex: 'progressed',
                        render: (x) => (x ? <Tag color="gold">{t('targets.tiers.progressed')}</Tag> : null),
                      },
                      {
                        title: t('targets.scorecards.rankDelta'),
                        key: 'rankDelta',
                        render: (_, u) => <RankChange unit={u} />,
                      },
                      {
                        title: t('targets.scorecards.catchUp'),
                        dataIndex: 'catchUpIndex',
                        render: (x) => (x === null ? '—' : x.toFixed(2)),
                      },
                      {
                        title: t('targets.scorecards.reported'),
                        key: 'rep',
                        render: (_, u) => `${u.reported}/${u.planned}`,
                      },
                      {
                        title: t('targets.reports.late'),
                        dataIndex: 'late',
                        render: (x) => (x ? <Tag color="red">{t('targets.reports.lateTag')}</Tag> : null),
                      },
                    ]}
                  />
                  <Typography.Text type="secondary" data-testid="tie-rule">
                    {t('targets.scorecards.tieRule')}
                  </Typography.Text>
                  <UnreportedList units={c.unreported} />
                </Flex>
              ),
            }))}
          />
        </>
      )}
    </Flex>
  );
}
