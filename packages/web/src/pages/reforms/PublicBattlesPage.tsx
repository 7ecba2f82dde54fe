import { Card, Empty, Flex, Grid, Progress, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { Chart } from '../../components/Chart';
import { dayInChina } from '../../components/dayInChina';
import { LoadFailed } from '../../components/LoadFailed';
import { period } from '../../components/phrases';
import { timelineOption } from './battleTimeline';
import { type PublicReformBattles, percent, type ReformBattle, statusColor, useLoad } from './shared';

type Phase = ReformBattle['phases'][number];

/** A day in China (UTC+8) as YYYY-MM-DD: the timeline's "today" line. */

/** One battle as text: what the chart shows of it, and its projects and adopted suggestions. */
function BattleCard({ b }: { b: ReformBattle }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="reform-battle"
      title={<span style={{ whiteSpace: 'normal' }}>{b.name}</span>}
    >
      <Flex vertical gap={8}>
        <Flex gap={8} wrap align="center">
          <Tag color="blue">{t(`reforms.steps.${b.step}`)}</Tag>
          <Typography.Text type="secondary">
            {t('common.labelOf', { label: t('reforms.battles.leadUnit') })}
            {b.leadUnit}
          </Typography.Text>
        </Flex>
        <Progress
          aria-label={t('common.progressOf', { name: b.name })}
          percent={percent(b.progress)}
          size="small"
        />
        {b.goal && <Typography.Paragraph style={{ marginBottom: 0 }}>{b.goal}</Typography.Paragraph>}
        <Table<Phase>
          rowKey={(p) => `${p.name}-${p.startDate}`}
          size="small"
          pagination={false}
          // No scrolling box of its own: its columns wrap to the screen, which a keyboard needs no focus for.
          dataSource={b.phases}
          columns={[
            { title: t('reforms.battles.phase'), dataIndex: 'name' },
            {
              title: t('reforms.battles.period'),
              key: 'period',
              render: (_, p) => period(t, p.startDate, p.endDate),
            },
            { title: t('reforms.battles.target'), dataIndex: 'target' },
            {
              title: t('reforms.battles.progress'),
              key: 'progress',
              render: (_, p) => t('reforms.percent', { value: percent(p.progress) }),
            },
          ]}
        />
        {b.projects.length > 0 && (
          <div>
            <Typography.Text strong>{t('reforms.battles.projects')}</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {b.projects.map((p) => (
                <li key={p.id}>
                  <Link to={`/reforms/${p.id}`}>{p.name}</Link>{' '}
                  <Tag color={statusColor[p.status]}>{t(`reforms.statuses.${p.status}`)}</Tag>
                  {t('reforms.percent', { value: percent(p.progress) })}
                </li>
              ))}
            </ul>
          </div>
        )}
        {b.suggestions.length > 0 && (
          <div>
            <Typography.Text strong>{t('reforms.battles.suggestions')}</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {b.suggestions.map((s) => (
                <li key={s.id}>
                  <Link to={`/ideas/${s.id}`}>{s.title}</Link>{' '}
                  <Typography.Text type="secondary">
                    {t('reforms.battles.supports', { count: s.supports })}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Flex>
    </Card>
  );
}

/**
 * The ten key battles for the public: a timeline of the three steps with every battle's phases
 * (ECharts), and the same as text, battle by battle, for screen readers and small screens.
 */
export function PublicBattlesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const screens = Grid.useBreakpoint();
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/reforms/battles')),
    [],
  );
  if (!data)
    return loading ? <Skeleton active /> : failed ? <LoadFailed onRetry={() => void reload()} /> : <Empty />;
  const narrow = !screens.md;
  return (
    <Flex vertical gap={16}>
      <Link to="/reforms">{t('reforms.public.back')}</Link>
      <div>
        <Typography.Title level={narrow ? 4 : 2} style={{ marginBottom: 4 }}>
          {t('reforms.battles.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('reforms.battles.intro')}</Typography.Text>
      </div>
      {data.battles.length === 0 ? (
        <Empty description={t('reforms.battles.empty')} />
      ) : (
        <>
          <Card size="small" title={t('reforms.battles.timeline')}>
            <Flex gap={8} wrap style={{ marginBottom: 8 }}>
              {data.plan ? (
                <>
                  <Typography.Text type="secondary">
                    {t('reforms.battles.planFrom', { date: data.plan.startDate })}
                  </Typography.Text>
                  {data.plan.steps.map((s) => (
                    <Tag key={s.step} data-testid="reform-step">
                      {t(`reforms.steps.${s.step}`)} {period(t, s.start, s.end)}
                    </Tag>
                  ))}
                </>
              ) : (
                <Typography.Text type="secondary">{t('reforms.battles.noPlan')}</Typography.Text>
              )}
            </Flex>
            <Chart
              option={timelineOption(data as PublicReformBattles, t, {
                narrow,
                today: dayInChina(new Date().toISOString()),
              })}
              height={data.battles.length * (narrow ? 40 : 44) + 80}
              ariaLabel={t('reforms.battles.chartLabel')}
            />
          </Card>
          <Typography.Title level={narrow ? 5 : 3} style={{ margin: 0 }}>
            {t('reforms.battles.tableCaption')}
          </Typography.Title>
          <Flex vertical gap={12}>
            {data.battles.map((b) => (
              <BattleCard key={b.id} b={b} />
            ))}
          </Flex>
        </>
      )}
    </Flex>
  );
}
