import { limits } from '@qianxing/core/limits';
import { Alert, Button, Flex, Form, Grid, Input, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { MissingLoad } from '../../components/NotThere';
import { resendWait } from '../../components/PhoneCodeItems';
import { period } from '../../components/phrases';
import { useLoad } from '../../components/useLoad';
import { useProblemHandler } from '../../components/useProblemHandler';
import { type DepartmentAnswer, SurveyAnswerForm } from './SurveyAnswerForm';
import { takesAnswers } from './surveyPeriod';

interface Verify {
  phone: string;
  code: string;
}

/**
 * 千企万众评效能 for the public, on a phone: the number proven by a six-digit code sent to it
 * (once per phone and survey), then a score for each department dealt with.
 */
export function PublicSurveyAnswerPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '' } = useParams();
  const screens = Grid.useBreakpoint();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [form] = Form.useForm<Verify>();
  const [sending, setSending] = useState(false);
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const load = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/business/surveys/{id}', { params: { path: { id } } })),
    [id],
    { notFoundOnPage: true },
  );
  const survey = load.data;

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const sendCode = async () => {
    try {
      const { phone } = await form.validateFields(['phone']);
      setSending(true);
      const sent = unwrap(
        await api.POST('/api/v1/public/business/surveys/{id}/code', {
          params: { path: { id } },
          body: { phone },
        }),
      );
      void message.success(t('business.surveys.codeSent'));
      setWait(resendWait(sent));
    } catch (error) {
      if (!(error && typeof error === 'object' && 'errorFields' in error)) onProblem(error, form);
    } finally {
      setSending(false);
    }
  };

  const answer = async (departments: DepartmentAnswer[]) => {
    try {
      const { phone, code } = await form.validateFields();
      setBusy(true);
      unwrap(
        await api.POST('/api/v1/public/business/surveys/{id}/answers', {
          params: { path: { id } },
          body: { phone, code, departments },
        }),
      );
      setDone(true);
    } catch (error) {
      if (!(error && typeof error === 'object' && 'errorFields' in error)) onProblem(error, form);
    } finally {
      setBusy(false);
    }
  };

  const frame = { padding: screens.md ? 24 : 12, maxWidth: 720, margin: '0 auto', width: '100%' };
  const back = <Link to="/business/surveys">{t('business.surveys.back')}</Link>;
  if (!survey)
    return (
      <div style={frame}>
        <MissingLoad load={load} back={back} />
      </div>
    );
  if (done) return <Result status="success" title={t('business.surveys.thanks')} extra={back} />;
  const open = takesAnswers(survey) && survey.audience !== 'firms';
  return (
    <Flex vertical gap={16} style={frame}>
      <div>
        <Typography.Title level={screens.md ? 2 : 4} style={{ marginBottom: 4 }}>
          {survey.title}
        </Typography.Title>
        <Typography.Text type="secondary">{period(t, survey.opensOn, survey.closesOn)}</Typography.Text>
      </div>
      {!open ? (
        <Alert type="info" showIcon title={t('business.surveys.notOpen')} action={back} />
      ) : (
        <>
          <Alert type="info" showIcon title={t('business.surveys.verifyHint')} />
          <Form form={form} name="survey-verify" layout="vertical" requiredMark={false}>
            <Form.Item
              name="phone"
              label={t('business.surveys.phone')}
              rules={[
                { required: true, message: t('auth.register.phoneRequired') },
                { pattern: limits.phone, message: t('auth.register.phoneInvalid') },
              ]}
            >
              <Input inputMode="tel" autoComplete="tel" maxLength={11} data-testid="survey-phone" />
            </Form.Item>
            <Form.Item label={t('business.surveys.code')} required htmlFor="survey-verify_code">
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item
                  name="code"
                  noStyle
                  rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.register.codeInvalid') }]}
                >
                  <Input
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={6}
                    data-testid="survey-code"
                  />
                </Form.Item>
                <Button
                  onClick={sendCode}
                  loading={sending}
                  disabled={wait > 0}
                  data-testid="survey-send-code"
                >
                  {wait > 0 ? `${wait}s` : t('business.surveys.sendCode')}
                </Button>
              </Space.Compact>
            </Form.Item>
          </Form>
          <SurveyAnswerForm survey={survey} busy={busy} onSubmit={answer} />
        </>
      )}
    </Flex>
  );
}
