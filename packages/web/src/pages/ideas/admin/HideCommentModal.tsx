import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useProblemHandler } from '../../../components/useProblemHandler';
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
  const onProblem = useProblemHandler();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  const hide = async ({ reason }: { reason: string }) => {
    if (!comment) return;
    setBusy(true);
    try {
      unwrap(
        await api.POST('/api/v1/ideas/comments/{id}/moderate', {
          params: { path: { id: comment.id } },
          body: { decision: 'hide', reason: reason.trim() },
        }),
      );
      form.resetFields();
      onHidden();
    } catch (error) {
      onProblem(error, form);
    } finally {
      setBusy(false);
    }
  };

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
