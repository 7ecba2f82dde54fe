import { limits } from '@qianxing/core/limits';
import { Button, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from './Feedback';
import { useProblemHandler } from './useProblemHandler';

/** The wait before another code when the server's answer does not say it (its default interval). */
const defaultResendSeconds = 60;

/**
 * How long to wait before asking for another code: what the server's answer to the sending says
 * (`resendInSeconds`, its configured interval), else a minute.
 */
export function resendWait(sent: unknown): number {
  const seconds = (sent as { resendInSeconds?: unknown } | null | undefined)?.resendInSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0
    ? Math.ceil(seconds)
    : defaultResendSeconds;
}

/**
 * A phone and the six-digit code sent to it, inside a Form: "send" checks the phone (and the
 * `check` fields), hands their values to `send`, says `labels.sent` and counts down the interval
 * the server answers (a minute when it says none) before another code; a refusal shows under its
 * field or as a message.
 */
export function PhoneCodeItems({
  form: name,
  labels,
  check = [],
  send,
}: {
  form: string;
  labels: { phone: string; code: string; send: string; sent: string; resend: (seconds: number) => string };
  /** Other fields the server needs with the phone (a tracking code). */
  check?: string[];
  send: (values: Record<string, string>) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [sending, setSending] = useState(false);
  const [wait, setWait] = useState(0);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);
  const onSend = async () => {
    try {
      const values = (await form.validateFields([...check, 'phone'])) as Record<string, string>;
      setSending(true);
      const sent = await send(values);
      void message.success(labels.sent);
      setWait(resendWait(sent));
    } catch (error) {
      // A failed field check already shows under the field.
      if (!(error && typeof error === 'object' && 'errorFields' in error)) onProblem(error, form);
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
      <Form.Item label={labels.code} required htmlFor={`${name}_code`}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="code"
            noStyle
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.register.codeInvalid') }]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
          <Button onClick={onSend} loading={sending} disabled={wait > 0} data-testid={`${name}-send-code`}>
            {wait > 0 ? labels.resend(wait) : labels.send}
          </Button>
        </Space.Compact>
      </Form.Item>
    </>
  );
}
