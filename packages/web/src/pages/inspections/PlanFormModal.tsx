import { Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFormSubmit } from '../../components/useFormSubmit';
import { periodEndRules, required } from './formRules';
import { defaultPlanPeriod } from './planPeriod';
import type { InspectionPlan } from './shared';

interface Values {
  periodStart: string;
  periodEnd: string;
  maxHoursPerVisit: number;
  capacityPerDay: number;
}

/** Makes a draft joint plan of a period from the drawn tasks due in it. */
export function PlanFormModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(plan: InspectionPlan): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const proposed = defaultPlanPeriod(new Date().toISOString());
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    onCreated(unwrap(await api.POST('/api/v1/inspections/plans', { body: v })));
  });
  return (
    <Modal
      open={open}
      title={t('inspections.plans.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, id: 'plan-save' }}
      destroyOnHidden
    >
      <Form
        form={form}
        name="inspectionPlan"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          // The rest of this month in Qianjiang, from the next working day: the plan most often
          // made is the current month's, and its past days can hold no visit.
          ...proposed,
          maxHoursPerVisit: 4,
          capacityPerDay: 2,
        }}
      >
        <Typography.Paragraph type="secondary">{t('inspections.plans.periodHint')}</Typography.Paragraph>
        <Space wrap>
          <Form.Item name="periodStart" label={t('inspections.plans.periodStart')} rules={[required(t)]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="periodEnd"
            label={t('inspections.plans.periodEnd')}
            dependencies={['periodStart']}
            rules={periodEndRules(t)}
          >
            <Input type="date" />
          </Form.Item>
        </Space>
        <Form.Item name="maxHoursPerVisit" label={t('inspections.plans.maxHours')} rules={[required(t)]}>
          <InputNumber min={0.5} max={24} step={0.5} />
        </Form.Item>
        {/* No team size here: each visit's team is the one its draws assigned. */}
        <Form.Item name="capacityPerDay" label={t('inspections.plans.capacity')} rules={[required(t)]}>
          <InputNumber min={1} max={10} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
