import { Card, Empty, Flex, Grid, List, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { LoadFailed } from '../../../components/LoadFailed';
import { period } from '../../../components/phrases';
import { useLoad } from '../shared';
import { type PublicLearning, yieldCounts } from './shared';

type Visit = PublicLearning['visits'][number];

function VisitCard({ v }: { v: Visit }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  return (
    <Card size="small" data-testid="learning-visit">
      <Typography.Title level={screens.md ? 3 : 5} style={{ marginTop: 0 }}>
        {v.title}
      </Typography.Title>
      <Flex gap={4} wrap style={{ marginBottom: 8 }}>
        {v.destinations.map((d) => (
          <Tag key={d} color="blue">
            {d}
          </Tag>
        ))}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {period(t, v.startDate, v.endDate)} · {v.unitName} ·{' '}
        {t('reforms.learning.public.delegation', {
          count: v.delegation.count,
          units: v.delegation.units.length,
        })}
      </Typography.Paragraph>
      <Typography.Text strong data-testid="learning-counts">
        {t(
          'reforms.learning.public.counts',
          yieldCounts(t, {
            practices: v.counts.practices,
            insights: v.counts.insights,
            reports: v.counts.reports,
          }),
        )}
      </Typography.Text>
      {v.practices.length > 0 && (
        <>
          <Typography.Title level={screens.md ? 4 : 5}>{t('reforms.learning.practices')}</Typography.Title>
          <List
            size="small"
            dataSource={v.practices}
            renderItem={(p) => (
              <List.Item>
                <Flex vertical gap={2}>
                  <span>
                    <Typography.Text strong>{p.title}</Typography.Text> <Tag>{p.sourcePlace}</Tag>
                  </span>
                  {p.description && <Typography.Text type="secondary">{p.description}</Typography.Text>}
                  {p.projects.length > 0 && (
                    <Flex gap={4} wrap>
                      <Typography.Text type="secondary">
                        {t('common.labelOf', { label: t('reforms.learning.inspired') })}
                      </Typography.Text>
                      {p.projects.map((x) => (
                        <Link key={x.id} to={`/reforms/${x.id}`}>
                          {x.name}
                        </Link>
                      ))}
                    </Flex>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        </>
      )}
      {v.insights.length > 0 && (
        <>
          <Typography.Title level={screens.md ? 4 : 5}>{t('reforms.learning.insights')}</Typography.Title>
          <ol style={{ paddingInlineStart: 20, margin: 0 }}>
            {v.insights.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ol>
        </>
      )}
      {v.reportSummary && (
        <>
          <Typography.Title level={screens.md ? 4 : 5}>{t('reforms.learning.report')}</Typography.Title>
          <Typography.Paragraph>{v.reportSummary}</Typography.Paragraph>
        </>
      )}
    </Card>
  );
}

/** 跳出黔江看黔江 in public: the completed study visits and the learning sessions held, one column on a phone. */
export function PublicLearningPage() {
  const { t } = useTranslation();
  const api = useApi();
  const screens = Grid.useBreakpoint();
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/reforms/learning')),
    [],
  );
  const practices = data?.visits.reduce((n, v) => n + v.counts.practices, 0) ?? 0;
  return (
    <Flex vertical gap={16} data-loading={loading || undefined}>
      <Link to="/reforms">{t('reforms.public.back')}</Link>
      <div>
        <Typography.Title level={screens.md ? 2 : 4} style={{ marginBottom: 4 }}>
          {t('reforms.learning.public.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('reforms.learning.public.intro')}</Typography.Text>
      </div>
      {data && (
        <Flex gap={24} wrap>
          <Statistic title={t('reforms.learning.public.visits')} value={data.visits.length} />
          <Statistic title={t('reforms.learning.public.practices')} value={practices} />
          <Statistic title={t('reforms.learning.public.sessions')} value={data.sessions.length} />
        </Flex>
      )}
      {data?.visits.map((v) => (
        <VisitCard key={v.id} v={v} />
      ))}
      {data?.visits.length === 0 && <Empty description={t('reforms.learning.public.empty')} />}
      {failed && !loading && <LoadFailed onRetry={() => void reload()} />}
      {data && data.sessions.length > 0 && (
        <Card size="small" title={t('reforms.learning.sessions')}>
          <List
            size="small"
            dataSource={data.sessions}
            renderItem={(s) => (
              <List.Item data-testid="learning-session">
                <Flex vertical gap={2}>
                  <Typography.Text strong>{s.title}</Typography.Text>
                  <Typography.Text type="secondary">
                    {s.date} · {t(`reforms.learning.forms.${s.form}`)} ·{' '}
                    {t('reforms.learning.public.attended', { count: s.attendance })}
                  </Typography.Text>
                  {s.topic && <Typography.Text>{s.topic}</Typography.Text>}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}
