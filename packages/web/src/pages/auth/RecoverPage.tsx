import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { AuthCard } from '../../components/AuthCard';
import { useFeedback } from '../../components/Feedback';
import { PhoneCodeItems } from '../../components/PhoneCodeItems';
import { useFormSubmit } from '../../components/useFormSubmit';
import { confirmRules, newPasswordRules } from './passwordRules';

interface RecoverValues {
  phone: string;
  code: string;
  password: string;
  confirm: string;
}

/**
 * A citizen who forgot their password sets a new one with a code sent to the phone they
 * registered with; staff ask their admin (the page says so, and the server sends them no code).
 */
export function RecoverPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const [form] = Form.useForm<RecoverValues>();
  const { submit, busy } = useFormSubmit(form, async ({ phone, code, password }: RecoverValues) => {
    unwrap(await api.POST('/api/v1/auth/recover', { body: { phone, code, password } }));
    void message.success(t('auth.recover.done'));
    navigate('/login', { replace: true });
  });

  return (
    <AuthCard title={t('auth.recover.title')}>
      <Alert type="info" showIcon title={t('auth.recover.staff')} style={{ marginBottom: 16 }} />
      <Form form={form} name="recover" layout="vertical" onFinish={submit} requiredMark={false}>
        <PhoneCodeItems
          form="recover"
          labels={{
            phone: t('auth.register.phone'),
            code: t('auth.register.code'),
            send: t('auth.register.sendCode'),
            sent: t('auth.recover.codeSent'),
            resend: (seconds) => t('auth.register.resendIn', { seconds }),
          }}
          send={async ({ phone }) =>
            unwrap(await api.POST('/api/v1/auth/recover/code', { body: { phone: phone! } }))
          }
        />
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
          {t('auth.recover.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/login">{t('auth.recover.back')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
