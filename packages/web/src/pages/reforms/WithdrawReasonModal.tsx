import { limits } from '@qianxing/core/limits';
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../components/useFormSubmit';

const { min, max } = limits.withdrawalReason;

/**
 * Asks the office why citizens' suggestions lose what they became (a reform project withdrawn, a
 * key battle deleted or one taken off it), listing them and saying who will be told: each
 * suggestion's public timeline, its author, followers and supporters. The server refuses the
 * change without a reason.
 */
export function WithdrawReasonModal({
  title,
  told,
  okText,
  suggestions,
  onWithdraw,
  onClose,
}: {
  title: string;
  told: string;
  okText: string;
  suggestions: ReadonlyArray<{ id: string; title: string }>;
  onWithdraw(reason: string): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const { submit, busy } = useFormSubmit(form, async ({ reason }: { reason: string }) => onWithdraw(reason));
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger: true }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph data-testid="reform-withdraw-told">{told}</Typography.Paragraph>
      <ul>
        {suggestions.map((s) => (
          <li key={s.id}>{s.title}</li>
        ))}
      </ul>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="reason"
          label={t('reforms.project.withdrawReason')}
          extra={t('reforms.project.withdrawReasonHint')}
          rules={[{ required: true, whitespace: true, min, max }]}
        >
          <Input.TextArea rows={3} maxLength={max} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
