import { Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useUnits } from '../../api/useUnits';
import { periodInChina } from '../../components/dayInChina';
import { FieldLoadFailed } from '../../components/LoadFailed';
import { withNote } from '../../components/phrases';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useSession } from '../../session/SessionContext';
import { periodEndRules, required } from './formRules';
import { riskLevels, useLoad } from './shared';

interface Values {
  title: string;
  unitIds: string[];
  itemIds: string[];
  sample: { high: number; medium: number; low: number };
  inspectorsPerVisit: number;
  qualifications: string[];
  periodStart: string;
  periodEnd: string;
}

/** Defines a random-draw task of one department or several (a joint task). */
export function TaskFormModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const unitList = useUnits();
  const { units } = unitList;
  const unitIds = Form.useWatch('unitIds', form) ?? [];
  const items = useLoad(
    async () =>
      open
        ? unwrap(await api.GET('/api/v1/inspections/items', { params: { query: { pageSize: 200 } } }))
        : null,
    [open],
  );
  const { can } = useSession();
  // A task's departments are those the reader defines tasks for (a joint task needs them all).
  const departments = useMemo(
    () => units.filter((u) => u.kind === 'department' && can('task.write', u.path)),
    [units, can],
  );
  const itemOptions = (items.data?.items ?? [])
    .filter((i) => unitIds.includes(i.unit.id))
    .map((i) => ({
      value: i.id,
      label: withNote(t, i.name, [i.unit.name, i.qualification].filter(Boolean).join(' · ')),
    }));
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    unwrap(
      await api.POST('/api/v1/inspections/tasks', {
        body: { ...v, qualifications: v.qualifications ?? [] },
      }),
    );
    onCreated();
  });
  // Items follow the departments: a department taken out takes its items with it, which the
  // server would otherwise refuse as outside the task, with the field no longer showing them.
  const onValuesChange = (changed: Partial<Values>) => {
    if (!changed.unitIds) return;
    const kept = new Set(changed.unitIds);
    const unitOf = new Map((items.data?.items ?? []).map((i) => [i.id, i.unit.id]));
    const itemIds = form.getFieldValue('itemIds') as string[] | undefined;
    if (itemIds?.some((id) => !kept.has(unitOf.get(id) ?? '')))
      form.setFieldValue(
        'itemIds',
        itemIds.filter((id) => kept.has(unitOf.get(id) ?? '')),
      );
  };
  // The current month on Qianjiang's clock, as the plan form proposes: the device's may be a
  // day off around midnight, and every task once proposed December whatever the month.
  const thisMonth = periodInChina(new Date().toISOString(), 'month');
  return (
    <Modal
      open={open}
      title={t('inspections.tasks.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, id: 'task-save' }}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        name="inspectionTask"
        layout="vertical"
        onFinish={submit}
        onValuesChange={onValuesChange}
        initialValues={{
          sample: { high: 1, medium: 1, low: 0 },
          inspectorsPerVisit: 2,
          qualifications: [],
          periodStart: thisMonth.first,
          periodEnd: thisMonth.last,
        }}
      >
        <Form.Item
          name="title"
          label={t('inspections.tasks.name')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <FieldLoadFailed load={unitList} />
        <Form.Item
          name="unitIds"
          label={t('inspections.tasks.departments')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            options={departments.map((u) => ({ value: u.id, label: u.name }))}
            data-testid="task-units"
          />
        </Form.Item>
        {/* Said above the choice: an empty list would read as a department with no item to check. */}
        <FieldLoadFailed load={items} />
        <Form.Item
          name="itemIds"
          label={t('inspections.tasks.items')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <Select mode="multiple" optionFilterProp="label" options={itemOptions} data-testid="task-items" />
        </Form.Item>
        <Space wrap>
          {riskLevels.map((level) => (
            <Form.Item
              key={level}
              name={['sample', level]}
              label={t('inspections.tasks.sampleOf', { level: t(`inspections.risk.${level}`) })}
              rules={[required(t)]}
            >
              <InputNumber min={0} max={10000} />
            </Form.Item>
          ))}
          <Form.Item name="inspectorsPerVisit" label={t('inspections.tasks.perVisit')} rules={[required(t)]}>
            <InputNumber min={1} max={10} />
          </Form.Item>
        </Space>
        <Form.Item
          name="qualifications"
          label={t('inspections.tasks.qualifications')}
          extra={t('inspections.tasks.qualificationsHint')}
        >
          <Select mode="tags" tokenSeparators={['、', ',']} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="periodStart" label={t('inspections.tasks.periodStart')} rules={[required(t)]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="periodEnd"
            label={t('inspections.tasks.periodEnd')}
            dependencies={['periodStart']}
            rules={periodEndRules(t)}
          >
            <Input type="date" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
