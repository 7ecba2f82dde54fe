import { Card, Flex, Grid, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { MissingLoad } from '../../components/NotThere';
import { period } from '../../components/phrases';
import { useLoad } from '../../components/useLoad';
import { SurveyResultsView } from './SurveyResultsView';

/** A closed survey's published results (an open one's are not public yet). */
export function PublicSurveyResultsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '' } = useParams();
  const screens = Grid.useBreakpoint();
  const load = useLoad(
    async () =>
      unwrap(await api.GET('/api/v1/public/business/surveys/{id}/results', { params: { path: { id } } })),
    [id],
    { notFoundOnPage: true },
  );
  const { data } = load;
  const frame = { padding: screens.md ? 24 : 12, maxWidth: 1040, margin: '0 auto', width: '100%' };
  const back = <Link to="/business/surveys">{t('business.surveys.back')}</Link>;
  if (!data)
    return (
      <div style={frame}>
        <MissingLoad load={load} back={back} />
      </div>
    );
  const { survey } = data;
  return (
    <Flex vertical gap={16} style={frame}>
      <div>
        <Typography.Title level={screens.md ? 2 : 4} style={{ marginBottom: 4 }}>
          {survey.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {period(t, survey.opensOn, survey.closesOn)} ·{' '}
          {t('business.surveys.sample', {
            n: survey.firms + survey.public,
            firms: survey.firms,
            public: survey.public,
          })}
        </Typography.Text>
      </div>
      <Card size="small">
        <SurveyResultsView results={data} />
      </Card>
      {back}
    </Flex>
  );
}
