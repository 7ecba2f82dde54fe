import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { useFormSubmit } from '../../components/useFormSubmit';
import type { InspectionVisit } from './shared';

interface Values {
  date: string;
  reason: string;
}

/**
 * 改期: the district office moves a published visit not yet started to another day, with the
 * reason the firm, the team and the departments will read. The server checks the day against
 * the plan's rules and names the field at fault. `onDone` gets the visit as it now is.
 */
export function RescheduleVisit({
  visit,
  onDone,
}: {
  visit: InspectionVisit;
  onDone: (visit: InspectionVisit) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { submit, busy } = useFormSubmit(form, async (values: Values) => {
    const moved = unwrap(
      await api.POST('/api/v1/inspections/visits/{id}/reschedule', {
        params: { path: { id: visit.id } },
        body: { date: values.date, reason: values.reason.trim() },
      }),
    );
    void message.success(t('inspections.visits.rescheduled', { date: moved.date }));
    setOpen(false);
    onDone(moved);
  });
  return (
    <>
      <Button block onClick={() => setOpen(true)} data-testid="visit-reschedule">
        {t('inspections.visits.reschedule')}
      </Button>
      <Modal
        open={open}
        title={t('inspections.visits.rescheduleTitle', { firm: visit.firm.name })}
        okText={t('inspections.visits.reschedule')}
        onOk={() => form.submit()}
        okButtonProps={{ loading: busy }}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="reschedule" onFinish={submit}>
          <Form.Item
            name="date"
            label={t('inspections.visits.newDate')}
            extra={t('inspections.visits.rescheduleHint', { date: visit.date })}
            rules={[{ required: true }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('inspections.visits.rescheduleReason')}
            rules={[{ required: true, whitespace: true }, { max: 500 }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              placeholder={t('inspections.visits.rescheduleReasonHint')}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
