import { Button, Form, Input, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AuthCard } from '../../components/AuthCard';
import { useFormSubmit } from '../../components/useFormSubmit';
import { homeFor } from '../../session/roles';
import { useSession } from '../../session/SessionContext';
import { SignedInCard } from './SignedInCard';
import { safeNext } from './safeNext';

interface LoginValues {
  login: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  // Until the session is known, neither the form nor who is signed in: one would flash before the other.
  if (loading)
    return (
      <AuthCard title={t('auth.login.title')}>
        <Skeleton active />
      </AuthCard>
    );
  return user ? <SignedInCard title={t('auth.login.title')} /> : <LoginForm />;
}

function LoginForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const { login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const { submit, busy } = useFormSubmit(form, async (values: LoginValues) => {
    const session = await login(values.login.trim(), values.password);
    if (!session.user) return;
    const next = safeNext(params.get('next'));
    navigate(session.user.mustChangePassword ? '/account/password' : (next ?? homeFor(session)), {
      replace: true,
    });
  });

  // No form name: antd then gives the inputs exactly the ids `login` and `password`.
  return (
    <AuthCard title={t('auth.login.title')}>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="login"
          label={t('auth.login.login')}
          rules={[{ required: true, whitespace: true, message: t('auth.login.loginRequired') }]}
        >
          <Input id="login" autoComplete="username" autoCapitalize="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.login.password')}
          rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
        >
          <Input.Password id="password" autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {t('auth.login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('auth.login.noAccount')} <Link to="/register">{t('auth.login.registerLink')}</Link>
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
        <Link to="/recover">{t('auth.login.forgot')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
