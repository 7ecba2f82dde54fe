import { Alert, Button, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { AuthCard } from '../../components/AuthCard';
import { useFeedback } from '../../components/Feedback';
import { PhoneCodeItems } from '../../components/PhoneCodeItems';
import { useFormSubmit } from '../../components/useFormSubmit';
import { NewPasswordItems, phoneCodeLabels } from './NewPasswordItems';

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
          labels={phoneCodeLabels(t, t('auth.recover.codeSent'))}
          send={async ({ phone }) =>
            unwrap(await api.POST('/api/v1/auth/recover/code', { body: { phone: phone! } }))
          }
        />
        <NewPasswordItems />
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
