import {
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Progress,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { RowActionButton } from '../../components/rowActions';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useProblemHandler } from '../../components/useProblemHandler';
import { percent, type ReformList, useLoad } from './shared';

interface Values {
  name: string;
  description: string;
  sort: number;
}

/** The reform lists (清单) the district's reform office keeps: name, description, order. */
export function ListsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<ReformList | 'new' | null>(null);
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/reforms/lists')),
    [],
  );
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    const body = { name: v.name, description: v.description ?? '', sort: v.sort ?? 0 };
    if (editing === 'new') unwrap(await api.POST('/api/v1/reforms/lists', { body }));
    else if (editing)
      unwrap(await api.PATCH('/api/v1/reforms/lists/{id}', { params: { path: { id: editing.id } }, body }));
    void message.success(t(editing === 'new' ? 'reforms.lists.created' : 'reforms.lists.saved'));
    setEditing(null);
    await reload();
  });
  const remove = async (l: ReformList) => {
    try {
      unwrap(await api.DELETE('/api/v1/reforms/lists/{id}', { params: { path: { id: l.id } } }));
      void message.success(t('reforms.lists.deleted'));
      await reload();
    } catch (error) {
      onProblem(error);
    }
  };
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('reforms.lists.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('reforms.lists.intro')}</Typography.Text>
      </div>
      <div>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('reforms.lists.create')}
        </Button>
      </div>
      <Table<ReformList>
        rowKey="id"
        size="small"
        loading={loading}
        // A failed load says so where the rows would be, never as an empty list.
        locale={{ emptyText: emptyUnlessFailed({ failed, reload, loading }) }}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('reforms.lists.sort'), dataIndex: 'sort' },
          { title: t('reforms.lists.name'), dataIndex: 'name' },
          { title: t('reforms.lists.description'), dataIndex: 'description' },
          { title: t('reforms.lists.projects'), dataIndex: 'projects' },
          {
            title: t('reforms.lists.progress'),
            key: 'progress',
            render: (_, l) => (
              <Progress
                aria-label={t('common.progressOf', { name: l.name })}
                percent={percent(l.progress)}
                size="small"
                style={{ width: 140 }}
              />
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_, l) => (
              <Space>
                <RowActionButton
                  onClick={() => setEditing(l)}
                  action={t('reforms.lists.edit')}
                  row={l.name}
                />
                <Popconfirm
                  title={t('reforms.lists.deleteConfirm', { name: l.name })}
                  onConfirm={() => remove(l)}
                >
                  <RowActionButton
                    danger
                    disabled={l.projects > 0}
                    action={t('reforms.lists.delete')}
                    row={l.name}
                  />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={t(editing === 'new' ? 'reforms.lists.create' : 'reforms.lists.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: busy }}
        destroyOnHidden
      >
        <Form
          form={form}
          name="reformList"
          layout="vertical"
          onFinish={submit}
          initialValues={
            editing && editing !== 'new' ? editing : { sort: (data?.length ?? 0) + 1, description: '' }
          }
        >
          <Form.Item
            name="name"
            label={t('reforms.lists.name')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="description" label={t('reforms.lists.description')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="sort" label={t('reforms.lists.sort')}>
            <InputNumber min={0} max={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
