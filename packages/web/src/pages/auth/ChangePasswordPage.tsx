import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { AuthCard } from '../../components/AuthCard';
import { useFeedback } from '../../components/Feedback';
import { useFormSubmit } from '../../components/useFormSubmit';
import { homeFor } from '../../session/roles';
import { useSession } from '../../session/SessionContext';
import { confirmRules, newPasswordRules } from './passwordRules';

interface PasswordValues {
  current: string;
  next: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { user, loading, refresh } = useSession();
  const { message } = useFeedback();
  const [form] = Form.useForm<PasswordValues>();
  const navigate = useNavigate();

  const { submit, busy } = useFormSubmit(
    form,
    async (values: PasswordValues) => {
      unwrap(
        await api.POST('/api/v1/auth/password', { body: { current: values.current, next: values.next } }),
      );
      void message.success(t('auth.password.changed'));
      navigate(homeFor(await refresh()), { replace: true });
    },
    {
      // A wrong current password is said under its field only: the code's own message would add
      // "wrong login or password", which is not what happened here.
      onProblem: (problem) => {
        const wrong = problem.errors?.find((e) => e.path === 'current' && e.code === 'wrong_password');
        if (!wrong) return false;
        form.setFields([{ name: 'current', errors: [t('errors.field.wrong_password')] }]);
        return true;
      },
    },
  );

  if (loading) return null;
  if (!user) return <Navigate to="/login?next=/account/password" replace />;

  // No form name, so the inputs' ids are exactly `current`, `next` and `confirm`.
  return (
    <AuthCard title={t('auth.password.title')}>
      {user.mustChangePassword && (
        <Alert type="info" showIcon title={t('auth.password.mustChange')} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="current"
          label={t('auth.password.current')}
          rules={[{ required: true, message: t('auth.password.currentRequired') }]}
        >
          <Input.Password id="current" autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="next" label={t('auth.password.next')} rules={newPasswordRules(t)}>
          <Input.Password id="next" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.password.confirm')}
          dependencies={['next']}
          rules={confirmRules(t, 'next')}
        >
          <Input.Password id="confirm" autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="password-submit">
          {t('auth.password.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
