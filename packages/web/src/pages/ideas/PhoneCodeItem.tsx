import { limits } from '@qianxing/core/limits';
import { Button, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A phone and the six-digit code sent to it; `send` asks the server and answers whether it sent. */
export function PhoneCodeItems({
  form,
  labels,
  send,
}: {
  form: string;
  labels: { phone: string; code: string; send: string };
  send: () => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [sending, setSending] = useState(false);
  const [wait, setWait] = useState(0);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);
  const onSend = async () => {
    setSending(true);
    try {
      if (await send()) setWait(60);
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <Form.Item
        name="phone"
        label={labels.phone}
        rules={[
          { required: true, message: t('auth.register.phoneRequired') },
          { pattern: limits.phone, message: t('auth.register.phoneInvalid') },
        ]}
      >
        <Input inputMode="tel" autoComplete="tel" maxLength={11} />
      </Form.Item>
      <Form.Item label={labels.code} required htmlFor={`${form}_code`}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="code"
            noStyle
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('ideas.mine.claim.codeInvalid') }]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
          <Button onClick={onSend} loading={sending} disabled={wait > 0} data-testid={`${form}-send-code`}>
            {wait > 0 ? t('ideas.mine.claim.resend', { seconds: wait }) : labels.send}
          </Button>
        </Space.Compact>
      </Form.Item>
    </>
  );
}
