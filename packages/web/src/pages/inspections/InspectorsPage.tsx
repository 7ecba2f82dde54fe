import { Checkbox, Flex, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { FIXED_PAGE_SIZE, fixedPaging } from '../../components/fixedPaging';
import { emptyUnlessFailed, FieldLoadFailed } from '../../components/LoadFailed';
import { listed } from '../../components/phrases';
import { RowActionButton } from '../../components/rowActions';
import { useFormSubmit } from '../../components/useFormSubmit';
import { FirmPicker } from './FirmPicker';
import { PoolHeader } from './PoolHeader';
import { type Inspector, useLoad, weekdays } from './shared';
import { KeepsLoadFailed, useKeeps } from './UnitFilter';

interface Values {
  login: string;
  unitId: string;
  qualifications: string[];
  workingDays: number[];
  conflictFirmIds: string[];
  active: boolean;
}

/** The inspectors (执法检查人员) of each department: qualifications, working days, declared conflicts. */
export function InspectorsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  // Supervisors and other departments' staff read a row; its own department's keepers change it.
  const { keeps, departments, units } = useKeeps('inspector.write');
  const [form] = Form.useForm<Values>();
  const [unitId, setUnitId] = useState<string>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Inspector | 'new' | null>(null);
  // A new inspector is of the filtered department when the reader keeps it, or of their only one.
  const newUnitId =
    unitId && keeps(unitId) ? unitId : departments.length === 1 ? departments[0]!.value : undefined;
  const { data, loading, failed, reload } = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/inspections/inspectors', {
          params: { query: { unitId, page, pageSize: FIXED_PAGE_SIZE } },
        }),
      ),
    [unitId, page],
  );
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    if (editing === 'new') unwrap(await api.POST('/api/v1/inspections/inspectors', { body: v }));
    else if (editing) {
      const { login: _login, ...patch } = v;
      unwrap(
        await api.PATCH('/api/v1/inspections/inspectors/{id}', {
          params: { path: { id: editing.id } },
          body: patch,
        }),
      );
    }
    void message.success(t('inspections.saved'));
    setEditing(null);
    await reload();
  });
  const dayName = (d: number) => t(`inspections.weekdays.${d}`);
  return (
    <Flex vertical gap={16}>
      <PoolHeader
        what="inspectors"
        unitId={unitId}
        onUnitChange={(v) => {
          setUnitId(v);
          setPage(1);
        }}
        onCreate={() => setEditing('new')}
        onImported={reload}
      />
      <KeepsLoadFailed units={units} />
      <Table<Inspector>
        locale={{ emptyText: emptyUnlessFailed({ failed, reload, loading }) }}
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={fixedPaging({ page, total: data?.total ?? 0, onChange: setPage })}
        columns={[
          { title: t('inspections.inspectors.name'), dataIndex: 'name' },
          { title: t('inspections.inspectors.login'), dataIndex: 'login' },
          { title: t('inspections.items.unit'), key: 'unit', render: (_, p) => p.unit.name },
          {
            title: t('inspections.inspectors.qualifications'),
            key: 'q',
            render: (_, p) => p.qualifications.map((q) => <Tag key={q}>{q}</Tag>),
          },
          {
            title: t('inspections.inspectors.workingDays'),
            key: 'days',
            render: (_, p) => p.workingDays.map(dayName).join(' '),
          },
          {
            title: t('inspections.inspectors.conflicts'),
            key: 'c',
            render: (_, p) =>
              listed(
                t,
                p.conflicts.map((c) => c.name),
              ) || '—',
          },
          {
            title: t('inspections.inspectors.active'),
            key: 'active',
            render: (_, p) => (p.active ? t('inspections.yes') : t('inspections.no')),
          },
          {
            title: '',
            key: 'actions',
            fixed: 'right',
            render: (_, p) =>
              keeps(p.unit.id) && (
                <RowActionButton onClick={() => setEditing(p)} action={t('inspections.edit')} row={p.name} />
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={t(editing === 'new' ? 'inspections.inspectors.create' : 'inspections.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: busy }}
        destroyOnHidden
        width={600}
      >
        <Form
          form={form}
          name="inspector"
          layout="vertical"
          onFinish={submit}
          initialValues={
            editing && editing !== 'new'
              ? { ...editing, unitId: editing.unit.id, conflictFirmIds: editing.conflicts.map((c) => c.id) }
              : {
                  unitId: newUnitId,
                  qualifications: [],
                  workingDays: [1, 2, 3, 4, 5],
                  conflictFirmIds: [],
                  active: true,
                }
          }
        >
          <Form.Item
            name="login"
            label={t('inspections.inspectors.login')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <Input maxLength={64} disabled={editing !== 'new'} />
          </Form.Item>
          <FieldLoadFailed load={units} />
          <Form.Item
            name="unitId"
            label={t('inspections.items.unit')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <Select showSearch optionFilterProp="label" options={departments} />
          </Form.Item>
          <Form.Item name="qualifications" label={t('inspections.inspectors.qualifications')}>
            <Select mode="tags" tokenSeparators={['、', ',']} />
          </Form.Item>
          <Form.Item name="workingDays" label={t('inspections.inspectors.workingDays')}>
            <Checkbox.Group options={weekdays.map((d) => ({ value: d, label: dayName(d) }))} />
          </Form.Item>
          <Form.Item
            name="conflictFirmIds"
            label={t('inspections.inspectors.conflicts')}
            extra={t('inspections.inspectors.conflictsHint')}
          >
            <FirmPicker multiple initial={editing && editing !== 'new' ? editing.conflicts : []} />
          </Form.Item>
          <Form.Item name="active" label={t('inspections.inspectors.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
