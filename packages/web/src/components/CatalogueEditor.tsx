import type { ButtonProps } from 'antd';
import { Button, Flex, Form, Input, InputNumber, Modal, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from './Feedback';
import { emptyUnlessFailed } from './LoadFailed';
import { RowActionButton } from './rowActions';
import { useFormSubmit } from './useFormSubmit';
import { useLoad } from './useLoad';

/** An entry of a short list the office keeps: named in two languages, ordered, retired rather than deleted. */
export interface CatalogueEntry {
  code: string;
  name: string;
  nameEn: string;
  sort: number;
  active: boolean;
}

/** A whole-number field an entry has besides its names (a deadline in working days, say). */
export interface CatalogueNumber {
  name: string;
  label: string;
  min: number;
  max: number;
  initial: number;
}

/**
 * A table of a catalogue with a form to add an entry or change one: the request categories
 * and the industrial chains are both such lists. Codes stay on the server; people see names.
 */
export function CatalogueEditor<E extends CatalogueEntry>({
  load,
  create,
  update,
  numbers = [],
  testId,
}: {
  load: () => Promise<E[]>;
  create: (values: Omit<E, 'code' | 'active'>) => Promise<unknown>;
  update: (code: string, values: Omit<E, 'code'>) => Promise<unknown>;
  numbers?: CatalogueNumber[];
  testId: string;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<Omit<E, 'code'>>();
  const [editing, setEditing] = useState<E | 'new' | null>(null);
  const list = useLoad(load, []);
  const open = (entry: E | 'new') => {
    form.resetFields();
    const fresh = {
      nameEn: '',
      active: true,
      ...Object.fromEntries(numbers.map((n) => [n.name, n.initial])),
    };
    // antd's setFieldsValue takes a deep partial of the form's values, which a generic cannot name.
    form.setFieldsValue((entry === 'new' ? fresh : entry) as Parameters<typeof form.setFieldsValue>[0]);
    setEditing(entry);
  };
  const { submit, busy } = useFormSubmit<Omit<E, 'code'>>(form, async (values) => {
    if (editing === 'new') {
      // A new entry is in use; the server's input has no switch for it.
      const { active: _active, ...fresh } = values;
      await create(fresh as Omit<E, 'code' | 'active'>);
    } else if (editing) await update(editing.code, values);
    void message.success(t('common.saved'));
    setEditing(null);
    void list.reload();
  });
  return (
    <Flex vertical gap={8} data-testid={testId}>
      <Table<E>
        rowKey="code"
        size="small"
        pagination={false}
        loading={list.loading}
        locale={{ emptyText: emptyUnlessFailed(list) }}
        dataSource={list.data ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('common.catalogue.name'), dataIndex: 'name' },
          { title: t('common.catalogue.nameEn'), dataIndex: 'nameEn' },
          ...numbers.map((n) => ({ title: n.label, dataIndex: n.name })),
          { title: t('common.catalogue.sort'), dataIndex: 'sort' },
          {
            title: t('common.catalogue.state'),
            key: 'active',
            render: (_: unknown, e: E) =>
              e.active ? (
                <Tag color="green">{t('common.catalogue.active')}</Tag>
              ) : (
                <Tag>{t('common.catalogue.retired')}</Tag>
              ),
          },
          {
            title: t('common.actions'),
            fixed: 'right',
            key: 'edit',
            render: (_: unknown, e: E) => (
              <RowActionButton onClick={() => open(e)} action={t('common.edit')} row={e.name} />
            ),
          },
        ]}
      />
      <div>
        <Button onClick={() => open('new')} data-testid={`${testId}-add`}>
          {t('common.catalogue.add')}
        </Button>
      </div>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('common.catalogue.add') : t('common.catalogue.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': `${testId}-save` } as ButtonProps}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name={`${testId}-form`} onFinish={submit} requiredMark={false}>
          <Form.Item
            name="name"
            label={t('common.catalogue.name')}
            rules={[{ required: true, min: 2, message: t('common.catalogue.nameRequired') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('common.catalogue.nameEn')}>
            <Input maxLength={60} />
          </Form.Item>
          {numbers.map((n) => (
            <Form.Item key={n.name} name={n.name} label={n.label} rules={[{ required: true }]}>
              <InputNumber min={n.min} max={n.max} precision={0} style={{ width: 140 }} />
            </Form.Item>
          ))}
          <Form.Item name="sort" label={t('common.catalogue.sort')}>
            <InputNumber min={0} max={9999} precision={0} style={{ width: 140 }} />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="active" label={t('common.catalogue.inUse')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Flex>
  );
}
