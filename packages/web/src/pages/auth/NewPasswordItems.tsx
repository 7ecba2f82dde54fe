import { Form, Input } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { confirmRules, newPasswordRules } from './passwordRules';

/** A new password and its confirmation, under the password rules: signing up, accepting an invitation, recovering. */
export function NewPasswordItems() {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

/** The words of a phone-and-code pair on the account forms; `sent` says what a sent code means. */
export const phoneCodeLabels = (t: TFunction, sent: string) => ({
  phone: t('auth.register.phone'),
  code: t('auth.register.code'),
  send: t('auth.register.sendCode'),
  sent,
  resend: (seconds: number) => t('auth.register.resendIn', { seconds }),
});
