import { limits } from '@qianxing/core/limits';
import { Alert, Button, Form, Input, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { AuthCard } from '../../components/AuthCard';
import { useFeedback } from '../../components/Feedback';
import { PhoneCodeItems } from '../../components/PhoneCodeItems';
import { useFormSubmit } from '../../components/useFormSubmit';
import { homeFor } from '../../session/roles';
import { useSession } from '../../session/SessionContext';
import { NewPasswordItems, phoneCodeLabels } from './NewPasswordItems';
import { SignedInCard } from './SignedInCard';

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
  const { user, loading } = useSession();
  // Until the session is known, neither the form nor who is signed in: one would flash before the other.
  if (loading)
    return (
      <AuthCard title={t('auth.register.title')}>
        <Skeleton active />
      </AuthCard>
    );
  return user ? <SignedInCard title={t('auth.register.title')} /> : <RegisterForm />;
}

function RegisterForm() {
  const { t } = useTranslation();
  const api = useApi();
  const { login } = useSession();
  const { message } = useFeedback();
  const [form] = Form.useForm<RegisterValues>();
  const navigate = useNavigate();
  // A phone that has an account already: the way to sign in, rather than a dead end.
  const [registered, setRegistered] = useState(false);
  const { submit, busy } = useFormSubmit(
    form,
    async (values: RegisterValues) => {
      const { phone, code, displayName, password } = values;
      unwrap(await api.POST('/api/v1/auth/register', { body: { phone, code, displayName, password } }));
      void message.success(t('auth.register.done'));
      navigate(homeFor(await login(phone, password)), { replace: true });
    },
    {
      onProblem: (problem) => {
        const taken = problem.errors?.some((e) => e.code === 'phone_registered') ?? false;
        setRegistered(taken);
        if (taken) form.setFields([{ name: 'phone', errors: [t('errors.field.phone_registered')] }]);
        return taken;
      },
    },
  );

  return (
    <AuthCard title={t('auth.register.title')}>
      <Alert type="info" showIcon title={t('auth.register.smsNotice')} style={{ marginBottom: 16 }} />
      <Form form={form} name="register" layout="vertical" onFinish={submit} requiredMark={false}>
        <PhoneCodeItems
          form="register"
          labels={phoneCodeLabels(t, t('auth.register.codeSent'))}
          send={async ({ phone }) =>
            unwrap(await api.POST('/api/v1/auth/register/code', { body: { phone: phone! } }))
          }
        />
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
        <NewPasswordItems />
        {registered && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('auth.register.registered')}
            action={<Link to="/login">{t('auth.register.signInInstead')}</Link>}
            style={{ marginBottom: 16 }}
            data-testid="register-sign-in-instead"
          />
        )}
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('auth.register.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
