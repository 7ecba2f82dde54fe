import { Alert, Flex, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { LoadFailed } from '../../components/LoadFailed';
import { MissingLoad } from '../../components/NotThere';
import { useLoad } from '../../components/useLoad';
import { useProblemHandler } from '../../components/useProblemHandler';
import { type DepartmentAnswer, SurveyAnswerForm } from './SurveyAnswerForm';
import { takesAnswers } from './surveyPeriod';

/** A firm's answer to one survey, given by one of its staff for the whole firm. */
export function FirmSurveyPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '' } = useParams();
  const onProblem = useProblemHandler();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const path = { params: { path: { id } } };
  const loaded = useLoad(
    async () => unwrap(await api.GET('/api/v1/business/firm-surveys/{id}', path)),
    [id],
    { notFoundOnPage: true },
  );
  const survey = loaded.data;
  const list = useLoad(async () => unwrap(await api.GET('/api/v1/business/firm-surveys')), [id]);
  const mine = list.data;
  const back = <Link to="/firm/surveys">{t('business.surveys.back')}</Link>;
  const answer = async (departments: DepartmentAnswer[]) => {
    setBusy(true);
    try {
      unwrap(await api.POST('/api/v1/business/firm-surveys/{id}/answer', { ...path, body: { departments } }));
      setDone(true);
    } catch (error) {
      onProblem(error);
    } finally {
      setBusy(false);
    }
  };
  if (!survey) return <MissingLoad load={loaded} back={back} />;
  if (done) return <Result status="success" title={t('business.surveys.thanks')} extra={back} />;
  const answered = mine?.find((s) => s.id === id)?.answered ?? false;
  const open = takesAnswers(survey) && survey.audience !== 'public' && !answered;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720, margin: '0 auto' }}>
      <div>
        <Typography.Title level={2} style={{ fontSize: 22, marginBottom: 4 }}>
          {survey.title}
        </Typography.Title>
        <Typography.Text type="secondary">{t('business.surveys.firmIntro')}</Typography.Text>
      </div>
      {!mine && list.failed ? (
        // Whether the firm has answered is not known: no form that may be answered twice.
        <LoadFailed onRetry={() => void list.reload()} />
      ) : open ? (
        <SurveyAnswerForm survey={survey} busy={busy} onSubmit={answer} />
      ) : (
        <Alert
          type="info"
          showIcon
          title={t(answered ? 'business.surveys.answered' : 'business.surveys.notOpen')}
          action={back}
        />
      )}
    </Flex>
  );
}
