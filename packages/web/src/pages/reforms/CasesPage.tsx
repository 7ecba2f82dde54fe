import { Button, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { fixedPaging } from '../../components/fixedPaging';
import { LoadFailed } from '../../components/LoadFailed';
import { RowActionButton } from '../../components/rowActions';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useProblemHandler } from '../../components/useProblemHandler';
import { type ReformCase, useLoad } from './shared';

interface Values {
  projectId: string;
  title: string;
  summary: string;
  measures: string;
  results: string;
  /** One place a line. */
  adoptedIn: string;
}

const places = (text: string | undefined) =>
  (text ?? '')
    .split(/\n/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A case drawn from a project: written here, published to the public library by the office. */
function CaseFormModal({
  item,
  onClose,
  onSaved,
}: {
  item: ReformCase | 'new';
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const [projects, setProjects] = useState<Array<{ value: string; label: string }>>(
    item === 'new' ? [] : [{ value: item.projectId, label: `${item.projectCode} ${item.projectName}` }],
  );
  const findProjects = async (q: string) => {
    const page = unwrap(
      await api.GET('/api/v1/reforms/projects', { params: { query: { q, pageSize: 20 } } }),
    );
    setProjects(page.items.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` })));
  };
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    const text = {
      title: v.title,
      summary: v.summary,
      measures: v.measures ?? '',
      results: v.results ?? '',
      adoptedIn: places(v.adoptedIn),
    };
    if (item === 'new')
      unwrap(await api.POST('/api/v1/reforms/cases', { body: { ...text, projectId: v.projectId } }));
    else
      unwrap(
        await api.PATCH('/api/v1/reforms/cases/{id}', { params: { path: { id: item.id } }, body: text }),
      );
    onSaved();
  });
  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <Modal
      open
      title={t(item === 'new' ? 'reforms.cases.create' : 'reforms.cases.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
      width={680}
    >
      <Form
        form={form}
        name="reformCase"
        layout="vertical"
        onFinish={submit}
        initialValues={item === 'new' ? {} : { ...item, adoptedIn: item.adoptedIn.join('\n') }}
      >
        <Form.Item name="projectId" label={t('reforms.cases.project')} rules={required}>
          <Select
            showSearch
            filterOption={false}
            disabled={item !== 'new'}
            placeholder={t('reforms.cases.selectProject')}
            options={projects}
            onSearch={(q) => void findProjects(q)}
            onFocus={() => item === 'new' && void findProjects('')}
          />
        </Form.Item>
        <Form.Item name="title" label={t('reforms.cases.caseTitle')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="summary" label={t('reforms.cases.summary')} rules={required}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="measures" label={t('reforms.cases.measures')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="results" label={t('reforms.cases.results')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="adoptedIn"
          label={t('reforms.cases.adoptedIn')}
          extra={t('reforms.cases.adoptedInHelp')}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The replicable cases: the office writes and publishes them; lead units read their projects'. */
export function CasesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [editing, setEditing] = useState<ReformCase | 'new' | null>(null);
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/reforms/cases')),
    [],
  );
  const write = data?.actions.create ?? false;
  const move = async (c: ReformCase, to: 'publish' | 'withdraw') => {
    try {
      const path = { params: { path: { id: c.id } } };
      if (to === 'publish') unwrap(await api.POST('/api/v1/reforms/cases/{id}/publish', path));
      else unwrap(await api.POST('/api/v1/reforms/cases/{id}/withdraw', path));
      void message.success(t(to === 'publish' ? 'reforms.cases.published' : 'reforms.cases.withdrawn'));
      await reload();
    } catch (error) {
      onProblem(error);
    }
  };
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('reforms.cases.consoleTitle')}</Typography.Title>
        <Typography.Text type="secondary">{t('reforms.cases.consoleIntro')}</Typography.Text>
      </div>
      {write && (
        <div>
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('reforms.cases.create')}
          </Button>
        </div>
      )}
      <Table<ReformCase>
        rowKey="id"
        size="small"
        loading={loading}
        // A failed load says so where the rows would be, never as an empty list.
        // None to read says whose cases these are and where the published ones are: a unit whose
        // projects have none read a bare "no data" beside a public library of them.
        locale={{
          emptyText: failed ? (
            <LoadFailed onRetry={() => void reload()} />
          ) : loading ? null : (
            <Flex vertical align="center" gap={4} style={{ padding: 16 }}>
              <Typography.Text type="secondary">{t('reforms.cases.consoleEmpty')}</Typography.Text>
              <Link to="/reforms/cases">{t('reforms.cases.consoleLibrary')}</Link>
            </Flex>
          ),
        }}
        dataSource={data?.items ?? []}
        pagination={{ ...fixedPaging(), hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('reforms.cases.caseTitle'), dataIndex: 'title' },
          { title: t('reforms.cases.project'), dataIndex: 'projectName' },
          { title: t('reforms.cases.leadUnit'), dataIndex: 'leadUnit' },
          {
            title: t('reforms.cases.status'),
            key: 'status',
            render: (_, c) => (
              <Tag color={c.status === 'published' ? 'success' : 'default'}>
                {t(`reforms.cases.statuses.${c.status}`)}
              </Tag>
            ),
          },
          ...(write
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  render: (_: unknown, c: ReformCase) => (
                    <Space>
                      <RowActionButton
                        onClick={() => setEditing(c)}
                        action={t('reforms.cases.edit')}
                        row={c.title}
                      />
                      {c.status === 'draft' ? (
                        <RowActionButton
                          type="primary"
                          onClick={() => move(c, 'publish')}
                          action={t('reforms.cases.publish')}
                          row={c.title}
                        />
                      ) : (
                        <RowActionButton
                          onClick={() => move(c, 'withdraw')}
                          action={t('reforms.cases.withdraw')}
                          row={c.title}
                        />
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <CaseFormModal
          item={editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            void message.success(t('reforms.cases.saved'));
            setEditing(null);
            await reload();
          }}
        />
      )}
    </Flex>
  );
}
