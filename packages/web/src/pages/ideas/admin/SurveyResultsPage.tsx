import { Button, Col, Empty, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { LoadFailed } from '../../../components/LoadFailed';
import { useDownload } from '../../../components/useDownload';
import { useLoad } from '../shared';
import { SurveyResultCard } from './SurveyResultCard';

/**
 * The current campaign's survey results, for the same staff as the dashboard. The server
 * counts the responses the person may see: the whole district, or an organiser's own towns.
 */
export function SurveyResultsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/ideas/survey/results')),
    ['survey-results'],
  );

  const { download, busy: exporting } = useDownload(
    () => api.GET('/api/v1/ideas/survey/results/export', { parseAs: 'blob' }),
    'survey-results.xlsx',
  );

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('ideas.surveyResults.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('ideas.surveyResults.intro')}</Typography.Text>
      </div>
      <Flex gap={8} wrap align="center" justify="space-between">
        <div data-testid="survey-responses">
          <Statistic title={t('ideas.surveyResults.responses')} value={data?.responses ?? '—'} />
        </div>
        {data?.actions.export && (
          <Button onClick={download} loading={exporting} data-testid="survey-export">
            {t('ideas.surveyResults.export')}
          </Button>
        )}
      </Flex>
      {failed && !loading ? (
        <LoadFailed onRetry={() => void reload()} />
      ) : !data ? (
        <Skeleton active />
      ) : data.questions.length === 0 ? (
        <Empty description={t('ideas.survey.none')} data-testid="survey-results-empty" />
      ) : (
        <Row gutter={[16, 16]}>
          {data.questions.map((q, index) => (
            <Col key={q.code} xs={24} lg={12}>
              <SurveyResultCard question={q} index={index} />
            </Col>
          ))}
        </Row>
      )}
    </Flex>
  );
}
