import { Button, Card, Empty, Form, Result, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { FieldLoadFailed, LoadFailed } from '../../components/LoadFailed';
import { TitleHeading } from '../../components/TitleHeading';
import { useFormSubmit } from '../../components/useFormSubmit';
import { SurveyQuestionField } from './SurveyQuestionField';
import { type AuthorKind, authorKinds, useCampaign, useTowns } from './shared';
import { answersOf, type SurveyAnswer } from './surveyAnswers';

interface SurveyValues {
  townId: string;
  authorKind: AuthorKind;
  answers?: Partial<Record<string, SurveyAnswer>>;
}

/** The campaign's survey: who answers (town, author kind), then one control per question. */
export function SurveyPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { campaign, failed, reload } = useCampaign();
  const townList = useTowns();
  const { towns } = townList;
  const [form] = Form.useForm<SurveyValues>();
  const [counted, setCounted] = useState<boolean | null>(null);
  // The office removed the survey while this page was open: say there is none, not "failed".
  const [withdrawn, setWithdrawn] = useState(false);
  // The period ended while this page was open: the end the server gave, to say the survey closed.
  const [endedOn, setEndedOn] = useState<string | null>(null);

  const { submit, busy } = useFormSubmit(
    form,
    async (values: SurveyValues) => {
      if (!campaign) return;
      const body = {
        townId: values.townId,
        authorKind: values.authorKind,
        answers: answersOf(campaign.survey, values.answers ?? {}),
      };
      setCounted(unwrap(await api.POST('/api/v1/public/survey', { body })).counted);
    },
    {
      onProblem(problem) {
        const closed = problem.errors?.find((e) => e.code === 'survey_closed');
        if (closed) {
          setEndedOn(String(closed.params?.endsOn ?? campaign?.endsOn ?? ''));
          return true;
        }
        if (problem.code !== 'INVALID_STATE') return false;
        setWithdrawn(true);
        return true;
      },
    },
  );

  if (counted !== null) {
    return (
      <div data-testid={counted ? 'survey-thanks' : 'survey-already'}>
        <Result
          status={counted ? 'success' : 'info'}
          title={t(counted ? 'ideas.survey.thanks' : 'ideas.survey.already')}
          subTitle={t(counted ? 'ideas.survey.thanksHint' : 'ideas.survey.alreadyHint')}
          extra={
            <Link to="/ideas">
              <Button>{t('ideas.survey.browse')}</Button>
            </Link>
          }
        />
      </div>
    );
  }
  // Without the campaign there are no questions to ask: say it failed, not grey bars for ever.
  if (!campaign) return failed ? <LoadFailed onRetry={() => void reload()} /> : <Skeleton active />;
  // The survey closes with the period: a form that can only be refused is not shown.
  const closedOn = endedOn ?? (campaign.intakeOpen ? null : campaign.endsOn);
  if (closedOn !== null && campaign.survey.length > 0 && !withdrawn) {
    return (
      <div data-testid="survey-closed">
        <Result
          status="info"
          title={t('ideas.survey.closed', { endsOn: closedOn })}
          subTitle={t('ideas.survey.closedHint')}
          extra={
            <Link to="/ideas">
              <Button>{t('ideas.survey.browse')}</Button>
            </Link>
          }
        />
      </div>
    );
  }

  return (
    <Card title={<TitleHeading>{t('ideas.survey.title')}</TitleHeading>} styles={{ body: { padding: 16 } }}>
      {campaign.survey.length === 0 || withdrawn ? (
        <Empty description={t('ideas.survey.none')} data-testid="survey-empty" />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('ideas.survey.intro')}</Typography.Paragraph>
          <Form<SurveyValues>
            form={form}
            name="survey"
            layout="vertical"
            onFinish={submit}
            initialValues={{ authorKind: 'resident' }}
          >
            <FieldLoadFailed load={townList} />
            <Form.Item name="townId" label={t('ideas.fields.town')} rules={[{ required: true }]}>
              <Select
                data-testid="survey-town"
                showSearch={{ optionFilterProp: 'label' }}
                options={towns.map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
            <Form.Item name="authorKind" label={t('ideas.fields.authorKind')} rules={[{ required: true }]}>
              <Select
                data-testid="survey-author-kind"
                options={authorKinds.map((k) => ({ value: k, label: t(`ideas.authorKind.${k}`) }))}
              />
            </Form.Item>
            {campaign.survey.map((question) => (
              <SurveyQuestionField key={question.code} question={question} />
            ))}
            <Button type="primary" htmlType="submit" loading={busy} block data-testid="survey-submit">
              {t('ideas.survey.submit')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
