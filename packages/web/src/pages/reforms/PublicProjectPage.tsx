import { Card, Descriptions, Flex, Grid, Progress, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { Missing } from '../../components/NotThere';
import { listed, period } from '../../components/phrases';
import { type PublicReformProject, percent, progressColor, statusColor, useLoad } from './shared';

type Milestone = PublicReformProject['milestones'][number];

function stepOf(t: ReturnType<typeof useTranslation>['t'], m: Milestone) {
  const state =
    m.done === 1
      ? t('reforms.public.done')
      : m.done > 0
        ? t('reforms.public.partly', { percent: percent(m.done) })
        : t('reforms.public.notYet');
  return {
    title: m.name,
    status: m.done === 1 ? ('finish' as const) : m.overdue ? ('error' as const) : ('wait' as const),
    description: (
      <Flex gap={6} wrap>
        <span>{t('reforms.public.due', { date: m.dueDate })}</span>
        <span>{state}</span>
        {m.overdue && <Tag color="red">{t('reforms.public.overdue')}</Tag>}
        <Typography.Text type="secondary">{t('reforms.public.weight', { weight: m.weight })}</Typography.Text>
      </Flex>
    ),
  };
}

/** The step being worked on: the first milestone not wholly done (past the last when all are). */
const firstOpen = (ms: readonly Milestone[]) => {
  const k = ms.findIndex((m) => m.done < 1);
  return k < 0 ? ms.length : k;
};

/** One reform project for the public: where it stands and its milestones, readable on a phone. */
export function PublicProjectPage() {
  const { t } = useTranslation();
  const api = useApi();
  const screens = Grid.useBreakpoint();
  const { id = '' } = useParams();
  const {
    data: p,
    loading,
    problem,
    reload,
  } = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/reforms/projects/{id}', { params: { path: { id } } })),
    [id],
    { notFoundOnPage: true },
  );
  if (!p)
    return (
      <Missing
        loading={loading}
        back={<Link to="/reforms">{t('reforms.public.back')}</Link>}
        problem={problem}
        onRetry={() => void reload()}
      />
    );
  return (
    <Flex vertical gap={16}>
      <Link to="/reforms">{t('reforms.public.back')}</Link>
      <div>
        <Typography.Title
          level={screens.md ? 2 : 4}
          style={{ marginBottom: 4 }}
          data-testid="reform-project-name"
        >
          {p.name}
        </Typography.Title>
        <Flex gap={4} wrap>
          <Tag>{p.listName}</Tag>
          <Tag color={statusColor[p.status]}>{t(`reforms.statuses.${p.status}`)}</Tag>
          {p.pilotLevel && p.pilotStatus && (
            <Tag color="gold">
              {t(`reforms.pilotLevels.${p.pilotLevel}`)} · {t(`reforms.pilotStatuses.${p.pilotStatus}`)}
            </Tag>
          )}
        </Flex>
      </div>
      <Card size="small">
        <Flex align="center" gap={16} wrap>
          <Progress
            aria-label={t('common.progressOf', { name: p.name })}
            type="circle"
            size={88}
            percent={percent(p.progress)}
            strokeColor={progressColor(p.status)}
            format={(v) => t('reforms.percent', { value: v })}
          />
          <Descriptions
            size="small"
            column={1}
            style={{ flex: '1 1 240px' }}
            items={[
              { key: 'code', label: t('reforms.ledger.code'), children: p.code },
              { key: 'lead', label: t('reforms.public.leadUnit'), children: p.leadUnit },
              ...(p.coUnits.length
                ? [{ key: 'co', label: t('reforms.public.coUnits'), children: listed(t, p.coUnits) }]
                : []),
              {
                key: 'source',
                label: t('reforms.public.source'),
                children: t(`reforms.sources.${p.source}`),
              },
              {
                key: 'period',
                label: t('reforms.public.period'),
                children: period(t, p.startDate, p.endDate),
              },
            ]}
          />
        </Flex>
      </Card>
      {p.goal && (
        <Card size="small" title={t('reforms.public.goal')}>
          <Typography.Paragraph style={{ margin: 0 }}>{p.goal}</Typography.Paragraph>
        </Card>
      )}
      {p.suggestions.length > 0 && (
        <Card
          size="small"
          title={t('reforms.adoption.fromSuggestions')}
          data-testid="reform-project-suggestions"
        >
          <Flex vertical gap={4}>
            {p.suggestions.map((s) => (
              <Link key={s.id} to={`/ideas/${s.id}`}>
                {s.title}
              </Link>
            ))}
          </Flex>
        </Card>
      )}
      <Card size="small" title={t('reforms.public.milestones')}>
        <Steps
          orientation="vertical"
          size="small"
          current={firstOpen(p.milestones)}
          items={p.milestones.map((m) => stepOf(t, m))}
        />
      </Card>
      {p.reports.length > 0 && (
        <Card size="small" title={t('reforms.public.reports')} data-testid="reform-project-reports">
          <Flex vertical gap={8}>
            {p.reports.map((r) => (
              <div key={r.period}>
                <Typography.Text strong>{t('reforms.public.reportOf', { period: r.period })}</Typography.Text>
                <Typography.Paragraph style={{ margin: 0 }}>{r.summary}</Typography.Paragraph>
              </div>
            ))}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
