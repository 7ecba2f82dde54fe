import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useFormSubmit } from '../../../components/useFormSubmit';
import type { StaffComment } from '../shared';

/** Hides a comment; the reason is required (the server refuses a hide without one) and kept with it. */
export function HideCommentModal({
  comment,
  onClose,
  onHidden,
}: {
  comment: StaffComment | null;
  onClose(): void;
  onHidden(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<{ reason: string }>();

  const { submit: hide, busy } = useFormSubmit(form, async ({ reason }: { reason: string }) => {
    if (!comment) return;
    unwrap(
      await api.POST('/api/v1/ideas/comments/{id}/moderate', {
        params: { path: { id: comment.id } },
        body: { decision: 'hide', reason: reason.trim() },
      }),
    );
    form.resetFields();
    onHidden();
  });

  return (
    <Modal
      open={comment !== null}
      title={t('ideas.moderation.hideTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ideas.moderation.hide')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'hide-confirm' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }}>
        {comment?.body}
      </Typography.Paragraph>
      <Form form={form} name="hideComment" layout="vertical" onFinish={hide}>
        <Form.Item
          name="reason"
          label={t('ideas.moderation.reason')}
          rules={[
            { required: true, whitespace: true, message: t('ideas.moderation.reasonRequired') },
            { max: 200 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="hide-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
