import { limits } from '@qianxing/core/limits';
import { Alert, Button, Form, Input, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { fieldMessage } from '../../api/fieldMessage';
import { toProblem, unwrap } from '../../api/problem';
import type { Problem } from '../../api/types';
import { AuthCard } from '../../components/AuthCard';
import { momentInChina } from '../../components/dayInChina';
import { useFeedback } from '../../components/Feedback';
import { useFormSubmit } from '../../components/useFormSubmit';
import { homeFor } from '../../session/roles';
import { useSession } from '../../session/SessionContext';
import { NewPasswordItems } from './NewPasswordItems';

interface AcceptValues {
  login: string;
  password: string;
  confirm: string;
}

/** An invited staff member picks a login and a password; the roles come with the invitation. */
export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const api = useApi();
  const { login } = useSession();
  const { message } = useFeedback();
  const [form] = Form.useForm<AcceptValues>();
  const navigate = useNavigate();
  const [info, setInfo] = useState<{ displayName: string; expiresAt: string } | null>(null);
  const [failure, setFailure] = useState<Problem | null>(null);

  const { submit, busy } = useFormSubmit(form, async (values: AcceptValues) => {
    const body = { login: values.login.trim(), password: values.password };
    unwrap(await api.POST('/api/v1/auth/invitations/{token}/accept', { params: { path: { token } }, body }));
    void message.success(t('auth.invite.done'));
    navigate(homeFor(await login(body.login, body.password)), { replace: true });
  });

  useEffect(() => {
    api.GET('/api/v1/auth/invitations/{token}', { params: { path: { token } } }).then(
      (result) => {
        try {
          setInfo(unwrap(result));
        } catch (error) {
          setFailure(toProblem(error));
        }
      },
      (error: unknown) => setFailure(toProblem(error)),
    );
  }, [api, token]);

  if (failure) {
    // A link that is mistyped, used or expired says so and who can help; only a failure of the
    // server or the network is worded by its code. Either way, the way on: home, or sign in.
    const badLink = ['VALIDATION', 'NOT_FOUND', 'INVALID_STATE', 'CONFLICT'].includes(failure.code);
    // A link whose issuer can no longer give its roles says why: a new link from the same
    // person would not help, an administrator's would.
    const withdrawn = failure.errors?.find((e) => e.code === 'invitation_issuer_withdrawn');
    return (
      <Result
        status="warning"
        title={
          withdrawn ? t('auth.invite.withdrawn') : badLink ? t('auth.invite.invalid') : t('common.loadFailed')
        }
        subTitle={
          withdrawn
            ? fieldMessage(t, withdrawn)
            : badLink
              ? t('auth.invite.invalidHint')
              : t(`errors.${failure.code}`, { defaultValue: t('errors.INTERNAL') })
        }
        extra={[
          <Button key="login" type="primary" onClick={() => navigate('/login')} data-testid="invite-sign-in">
            {t('common.login')}
          </Button>,
          <Button key="home" onClick={() => navigate('/')} data-testid="invite-home">
            {t('common.nav.home')}
          </Button>,
        ]}
      />
    );
  }
  if (!info) return <Spin />;

  return (
    <AuthCard title={t('auth.invite.title')}>
      <Typography.Paragraph>{t('auth.invite.welcome', { name: info.displayName })}</Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('auth.invite.expires', { at: momentInChina(info.expiresAt) })}
      />
      <Form form={form} name="invite" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="login"
          label={t('auth.invite.login')}
          extra={t('auth.invite.loginHint')}
          rules={[
            { required: true, message: t('auth.login.loginRequired') },
            {
              min: limits.login.min,
              max: limits.login.max,
              message: t('common.lengthBetween', limits.login),
            },
            { pattern: /^[A-Za-z0-9_.@-]+$/, message: t('auth.invite.loginPattern') },
          ]}
        >
          <Input autoComplete="username" autoCapitalize="off" />
        </Form.Item>
        <NewPasswordItems />
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('auth.invite.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
