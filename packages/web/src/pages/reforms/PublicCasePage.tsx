import { Card, Flex, Grid, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { dayInChina } from '../../components/dayInChina';
import { Missing } from '../../components/NotThere';
import { useLoad } from './shared';

/** One published case: what was done, how, with what result, and where else it was taken up. */
export function PublicCasePage() {
  const { t } = useTranslation();
  const api = useApi();
  const screens = Grid.useBreakpoint();
  const { id = '' } = useParams();
  const {
    data: c,
    loading,
    problem,
    reload,
  } = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/reforms/cases/{id}', { params: { path: { id } } })),
    [id],
    { notFoundOnPage: true },
  );
  if (!c)
    return (
      <Missing
        loading={loading}
        back={<Link to="/reforms/cases">{t('reforms.cases.back')}</Link>}
        problem={problem}
        onRetry={() => void reload()}
      />
    );
  const section = (key: 'summary' | 'measures' | 'results', text: string) =>
    text && (
      <Card size="small" title={t(`reforms.cases.${key}`)}>
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
          {text}
        </Typography.Paragraph>
      </Card>
    );
  return (
    <Flex vertical gap={16}>
      <Link to="/reforms/cases">{t('reforms.cases.back')}</Link>
      <div>
        <Typography.Title
          level={screens.md ? 2 : 4}
          style={{ marginBottom: 4 }}
          data-testid="reform-case-title"
        >
          {c.title}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Typography.Text type="secondary">
            {t('common.labelOf', { label: t('reforms.cases.leadUnit') })}
            {c.leadUnit}
          </Typography.Text>
          {c.publishedAt && (
            <Typography.Text type="secondary">
              {t('reforms.cases.publishedAt', { date: dayInChina(c.publishedAt) })}
            </Typography.Text>
          )}
        </Flex>
        <Typography.Text>
          {t('common.labelOf', { label: t('reforms.cases.project') })}
          <Link to={`/reforms/${c.projectId}`}>{c.projectName}</Link>
        </Typography.Text>
      </div>
      {section('summary', c.summary)}
      {section('measures', c.measures)}
      {section('results', c.results)}
      {c.adoptedIn.length > 0 && (
        <Card size="small" title={t('reforms.cases.adoptedIn')}>
          <Flex gap={4} wrap>
            {c.adoptedIn.map((place) => (
              <Tag key={place}>{place}</Tag>
            ))}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
