import { Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useProblemHandler } from '../../components/useProblemHandler';
import type { InspectionRectification } from './shared';

/**
 * 整改验收 on the follow-up list, for the staff of the item's department: accept a reported
 * rectification (asked once more, as it closes the issue) or return it with a reason the firm
 * will read. `onDone` reloads the list.
 */
export function VerifyRectification({ row, onDone }: { row: InspectionRectification; onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [returning, setReturning] = useState(false);
  const [accepting, setAccepting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const path = { params: { path: { id: row.findingId } } };
  const accept = async () => {
    setAccepting(true);
    try {
      unwrap(await api.POST('/api/v1/inspections/findings/{id}/rectification/accept', path));
      void message.success(t('inspections.followUp.accepted'));
      onDone();
    } catch (error) {
      onProblem(error);
    } finally {
      setAccepting(false);
    }
  };
  const { submit, busy } = useFormSubmit<{ reason: string }>(form, async ({ reason }) => {
    unwrap(
      await api.POST('/api/v1/inspections/findings/{id}/rectification/return', { ...path, body: { reason } }),
    );
    setReturning(false);
    void message.success(t('inspections.followUp.returnDone'));
    onDone();
  });
  if (row.allowed.length === 0) return null;
  return (
    <Space wrap>
      {row.allowed.includes('accept') && (
        <Popconfirm title={t('inspections.followUp.acceptConfirm')} onConfirm={accept}>
          <Button size="small" type="primary" loading={accepting} data-testid="rectification-accept">
            {t('inspections.followUp.accept')}
          </Button>
        </Popconfirm>
      )}
      {row.allowed.includes('return') && (
        <Button size="small" danger onClick={() => setReturning(true)} data-testid="rectification-return">
          {t('inspections.followUp.return')}
        </Button>
      )}
      <Modal
        open={returning}
        title={t('inspections.followUp.returnTitle')}
        onCancel={() => setReturning(false)}
        onOk={() => form.submit()}
        okText={t('inspections.followUp.returnSubmit')}
        okButtonProps={{ loading: busy, danger: true, ...{ 'data-testid': 'return-submit' } }}
        destroyOnHidden
      >
        <Form form={form} name={`return-${row.findingId}`} layout="vertical" onFinish={submit}>
          <Form.Item
            name="reason"
            label={t('inspections.followUp.returnReason')}
            extra={t('inspections.followUp.returnReasonHint')}
            rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
