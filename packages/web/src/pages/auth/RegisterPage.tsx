import { limits } from '@qianxing/core/limits';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { AuthCard } from '../../components/AuthCard';
import { useFeedback } from '../../components/Feedback';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useProblemHandler } from '../../components/useProblemHandler';
import { homeFor } from '../../session/roles';
import { useSession } from '../../session/SessionContext';
import { confirmRules, newPasswordRules } from './passwordRules';

interface RegisterValues {
  phone: string;
  code: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** A citizen's own account: the phone number is the login, proven by a six-digit code. */
export function RegisterPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { login } = useSession();
  const { message } = useFeedback();
  const [form] = Form.useForm<RegisterValues>();
  const navigate = useNavigate();
  const onProblem = useProblemHandler();
  const [sending, setSending] = useState(false);
  const [wait, setWait] = useState(0);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const sendCode = async () => {
    try {
      const { phone } = await form.validateFields(['phone']);
      setSending(true);
      unwrap(await api.POST('/api/v1/auth/register/code', { body: { phone } }));
      void message.success(t('auth.register.codeSent'));
      setWait(60);
    } catch (error) {
      // A failed field check already shows under the field.
      if (!(error && typeof error === 'object' && 'errorFields' in error)) onProblem(error, form);
    } finally {
      setSending(false);
    }
  };

  const { submit, busy } = useFormSubmit(form, async (values: RegisterValues) => {
    const { phone, code, displayName, password } = values;
    unwrap(await api.POST('/api/v1/auth/register', { body: { phone, code, displayName, password } }));
    void message.success(t('auth.register.done'));
    navigate(homeFor(await login(phone, password)), { replace: true });
  });

  return (
    <AuthCard title={t('auth.register.title')}>
      <Alert type="info" showIcon title={t('auth.register.smsNotice')} style={{ marginBottom: 16 }} />
      <Form form={form} name="register" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="phone"
          label={t('auth.register.phone')}
          rules={[
            { required: true, message: t('auth.register.phoneRequired') },
            { pattern: limits.phone, message: t('auth.register.phoneInvalid') },
          ]}
        >
          <Input inputMode="tel" autoComplete="tel" maxLength={11} />
        </Form.Item>
        <Form.Item label={t('auth.register.code')} required htmlFor="register_code">
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="code"
              noStyle
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.register.codeInvalid') }]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
            </Form.Item>
            <Button onClick={sendCode} loading={sending} disabled={wait > 0}>
              {wait > 0 ? t('auth.register.resendIn', { seconds: wait }) : t('auth.register.sendCode')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('auth.register.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('auth.register.displayNameRequired') },
            { max: limits.userName.max, message: t('common.tooLong', { max: limits.userName.max }) },
          ]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password.next')} rules={newPasswordRules(t)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.password.confirm')}
          dependencies={['password']}
          rules={confirmRules(t, 'password')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('auth.register.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
