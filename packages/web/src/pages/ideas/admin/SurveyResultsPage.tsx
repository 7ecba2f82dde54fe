import { Button, Col, Empty, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { fileNameOf, saveBlob } from '../../../components/download';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { useLoad } from '../shared';
import { SurveyResultCard } from './SurveyResultCard';

/**
 * The current campaign's survey results, for the same staff as the dashboard. The server
 * counts the responses the person may see: the whole district, or an organiser's own towns.
 */
export function SurveyResultsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  const [exporting, setExporting] = useState(false);
  const { data } = useLoad(
    async () => unwrap(await api.GET('/api/v1/ideas/survey/results')),
    ['survey-results'],
  );

  const download = async () => {
    setExporting(true);
    try {
      const result = await api.GET('/api/v1/ideas/survey/results/export', { parseAs: 'blob' });
      saveBlob(unwrap(result) as Blob, fileNameOf(result.response, 'survey-results.xlsx'));
    } catch (error) {
      onProblem(error);
    } finally {
      setExporting(false);
    }
  };

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
        <Button onClick={download} loading={exporting} disabled={!data} data-testid="survey-export">
          {t('ideas.surveyResults.export')}
        </Button>
      </Flex>
      {!data ? (
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
