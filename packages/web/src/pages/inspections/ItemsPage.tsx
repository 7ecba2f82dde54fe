import { Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { FIXED_PAGE_SIZE, fixedPaging } from '../../components/fixedPaging';
import { emptyUnlessFailed, FieldLoadFailed } from '../../components/LoadFailed';
import { RowActionButton } from '../../components/rowActions';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useProblemHandler } from '../../components/useProblemHandler';
import { PoolHeader } from './PoolHeader';
import { type InspectionItem, useLoad } from './shared';
import { KeepsLoadFailed, useKeeps } from './UnitFilter';

interface Values {
  unitId: string;
  code: string;
  name: string;
  legalBasis: string;
  qualification?: string;
  expectedMinutes: number;
}

/** The departments' inspection lists (检查事项清单): item, legal basis, qualification, expected minutes. */
export function ItemsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  // Supervisors and other departments' staff read a row; its own department's keepers change it.
  const { keeps, departments, units } = useKeeps('item.write');
  const [form] = Form.useForm<Values>();
  const [unitId, setUnitId] = useState<string>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<InspectionItem | 'new' | null>(null);
  const { data, loading, failed, reload } = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/inspections/items', {
          params: { query: { unitId, page, pageSize: FIXED_PAGE_SIZE } },
        }),
      ),
    [unitId, page],
  );
  // A new item is of the filtered department when the reader keeps it, or of their only one.
  const newUnitId =
    unitId && keeps(unitId) ? unitId : departments.length === 1 ? departments[0]!.value : undefined;
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    const body = { ...v, qualification: v.qualification || null };
    if (editing === 'new') unwrap(await api.POST('/api/v1/inspections/items', { body }));
    else if (editing)
      unwrap(
        await api.PATCH('/api/v1/inspections/items/{id}', { params: { path: { id: editing.id } }, body }),
      );
    void message.success(t('inspections.saved'));
    setEditing(null);
    await reload();
  });
  const remove = async (item: InspectionItem) => {
    try {
      unwrap(await api.DELETE('/api/v1/inspections/items/{id}', { params: { path: { id: item.id } } }));
      void message.success(t('inspections.deleted'));
      await reload();
    } catch (error) {
      onProblem(error);
    }
  };
  return (
    <Flex vertical gap={16}>
      <PoolHeader
        what="items"
        unitId={unitId}
        onUnitChange={(v) => {
          setUnitId(v);
          setPage(1);
        }}
        onCreate={() => setEditing('new')}
        onImported={reload}
      />
      <KeepsLoadFailed units={units} />
      <Table<InspectionItem>
        locale={{ emptyText: emptyUnlessFailed({ failed, reload, loading }) }}
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={fixedPaging({ page, total: data?.total ?? 0, onChange: setPage })}
        columns={[
          { title: t('inspections.items.code'), dataIndex: 'code' },
          { title: t('inspections.items.unit'), key: 'unit', render: (_, i) => i.unit.name },
          { title: t('inspections.items.name'), dataIndex: 'name' },
          { title: t('inspections.items.legalBasis'), dataIndex: 'legalBasis' },
          { title: t('inspections.items.qualification'), key: 'q', render: (_, i) => i.qualification ?? '—' },
          { title: t('inspections.items.minutes'), dataIndex: 'expectedMinutes' },
          {
            title: '',
            key: 'actions',
            fixed: 'right',
            render: (_, i) =>
              keeps(i.unit.id) && (
                <Space>
                  <RowActionButton
                    onClick={() => setEditing(i)}
                    action={t('inspections.edit')}
                    row={i.name}
                  />
                  <Popconfirm
                    title={t('inspections.deleteConfirm', { name: i.name })}
                    onConfirm={() => remove(i)}
                  >
                    <RowActionButton danger action={t('inspections.delete')} row={i.name} />
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={t(editing === 'new' ? 'inspections.items.create' : 'inspections.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: busy }}
        destroyOnHidden
      >
        <Form
          form={form}
          name="inspectionItem"
          layout="vertical"
          onFinish={submit}
          initialValues={
            editing && editing !== 'new'
              ? { ...editing, unitId: editing.unit.id, qualification: editing.qualification ?? '' }
              : { unitId: newUnitId, expectedMinutes: 30 }
          }
        >
          <FieldLoadFailed load={units} />
          <Form.Item
            name="unitId"
            label={t('inspections.items.unit')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <Select showSearch optionFilterProp="label" options={departments} />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('inspections.items.code')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('inspections.items.name')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="legalBasis"
            label={t('inspections.items.legalBasis')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="qualification" label={t('inspections.items.qualification')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="expectedMinutes" label={t('inspections.items.minutes')}>
            <InputNumber min={1} max={480} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
