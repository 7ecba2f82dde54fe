import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { PhoneCodeItems } from '../../components/PhoneCodeItems';
import { useFormSubmit } from '../../components/useFormSubmit';

interface ClaimValues {
  trackingCode: string;
  phone: string;
  code: string;
}

const TRACKING = /^[0-9A-Za-z]{10}$/;

/** 关联匿名建议: a suggestion sent signed out becomes the account's, by its tracking code and phone. */
export function ClaimForm({ onClaimed }: { onClaimed: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [form] = Form.useForm<ClaimValues>();

  const sendCode = async ({ trackingCode, phone }: Record<string, string>) =>
    unwrap(
      await api.POST('/api/v1/me/suggestions/claim-code', {
        body: { trackingCode: trackingCode!, phone: phone! },
      }),
    );
  const { submit, busy } = useFormSubmit(form, async (values: ClaimValues) => {
    const done = unwrap(
      await api.POST('/api/v1/me/suggestions/claim', {
        body: { trackingCode: values.trackingCode, phone: values.phone, code: values.code },
      }),
    );
    void message.success(t('ideas.mine.claim.done', { title: done.title }));
    form.resetFields();
    onClaimed();
  });

  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('ideas.mine.claim.title')}</h2>}>
      <Typography.Paragraph type="secondary">{t('ideas.mine.claim.intro')}</Typography.Paragraph>
      <Form
        form={form}
        name="claim"
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        style={{ maxWidth: 420 }}
      >
        <Form.Item
          name="trackingCode"
          label={t('ideas.mine.claim.trackingCode')}
          rules={[{ required: true, pattern: TRACKING, message: t('ideas.mine.claim.trackingCodeInvalid') }]}
        >
          <Input maxLength={10} autoComplete="off" style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <PhoneCodeItems
          form="claim"
          labels={{
            phone: t('ideas.mine.claim.phone'),
            code: t('ideas.mine.claim.code'),
            send: t('ideas.mine.claim.sendCode'),
            sent: t('ideas.mine.claim.codeSent'),
            resend: (seconds) => t('ideas.mine.claim.resend', { seconds }),
          }}
          check={['trackingCode']}
          send={sendCode}
        />
        <Button type="primary" htmlType="submit" loading={busy} data-testid="claim-submit">
          {t('ideas.mine.claim.submit')}
        </Button>
      </Form>
    </Card>
  );
}
