import { Button, Card, Form, Input, List, Select, Space, Spin, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { dayInChina } from '../../components/dayInChina';
import { useFeedback } from '../../components/Feedback';
import { FIXED_PAGE_SIZE, fixedPaging } from '../../components/fixedPaging';
import { LoadFailed } from '../../components/LoadFailed';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useLoad } from '../../components/useLoad';
import { userRoles } from '../../session/roles';
import { useSession } from '../../session/SessionContext';
import { DueProvisionalTag } from './DueProvisional';
import { NoFirmResult } from './NoFirmResult';
import { fileRefusal, requestFileKinds, sendRequestFile } from './RequestFiles';
import { dueLabel, statusColor } from './requests';

interface RaiseValues {
  categoryCode: string;
  title: string;
  body: string;
}

/** 我的诉求: a firm's staff raise requests and follow their own, on a phone as well as at a desk. */
export function MyRequestsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const { user, loading: sessionLoading } = useSession();
  const [raising, setRaising] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [page, setPage] = useState(1);
  const [form] = Form.useForm<RaiseValues>();
  const list = useLoad(
    async () =>
      user
        ? unwrap(
            await api.GET('/api/v1/business/requests', {
              params: { query: { page, pageSize: FIXED_PAGE_SIZE } },
            }),
          )
        : null,
    [user?.id, page],
  );
  const categories = useLoad(
    async () => (user ? unwrap(await api.GET('/api/v1/business/request-categories')) : []),
    [user?.id],
  );
  const closeForm = () => {
    form.resetFields();
    setFiles([]);
    setRaising(false);
  };
  const { submit, busy } = useFormSubmit<RaiseValues>(form, async (values) => {
    const created = unwrap(await api.POST('/api/v1/business/requests', { body: values }));
    // The request stands once made: a file refused after it (too large, not what its name says)
    // must not leave the form open to raise the same request twice. Its page says which file
    // was refused and why, and takes it again.
    const refused: string[] = [];
    for (const file of files) {
      try {
        await sendRequestFile(api, created.id, file);
      } catch (error) {
        const reason = fileRefusal(t, error);
        refused.push(t('business.requests.fileWithReason', { name: file.name, reason }));
      }
    }
    if (refused.length > 0)
      message.warning(
        t('business.requests.raisedFilesRefused', { files: refused.join(t('common.listSeparator')) }),
      );
    else message.success(t('business.requests.raised'));
    closeForm();
    void navigate(`/firm/requests/${created.id}`);
  });

  if (sessionLoading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (!user) return <Navigate to="/login?next=%2Ffirm%2Frequests" replace />;
  // An enterprise account no firm has taken in may raise nothing and has nothing to follow.
  if (userRoles(user).has('enterprise') && list.data && !list.data.canRaise && list.data.total === 0)
    return <NoFirmResult />;
  const english = i18n.language.startsWith('en');
  // A liaison cadre follows the requests of every firm paired with them: each says whose it is.
  const manyFirms = new Set((list.data?.items ?? []).map((r) => r.firmId)).size > 1;
  return (
    <div style={{ maxWidth: 880, margin: '0 auto' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} style={{ fontSize: 22 }}>
          {t('business.requests.mine')}
        </Typography.Title>
        {list.data?.canRaise && !raising && (
          <Button type="primary" onClick={() => setRaising(true)} data-testid="request-raise">
            {t('business.requests.raise')}
          </Button>
        )}
      </Space>
      {raising && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form form={form} name="raise" layout="vertical" onFinish={submit}>
            <Form.Item
              name="categoryCode"
              label={t('business.requests.category')}
              rules={[{ required: true }]}
            >
              <Select
                options={(categories.data ?? [])
                  .filter((c) => c.active)
                  .map((c) => ({ value: c.code, label: english && c.nameEn ? c.nameEn : c.name }))}
              />
            </Form.Item>
            <Form.Item name="title" label={t('business.requests.titleField')} rules={[{ required: true }]}>
              <Input maxLength={80} />
            </Form.Item>
            <Form.Item name="body" label={t('business.requests.body')} rules={[{ required: true }]}>
              <Input.TextArea rows={5} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item label={t('business.requests.files')}>
              <Upload
                accept={requestFileKinds}
                multiple
                fileList={files.map((f, i) => ({ uid: String(i), name: f.name }))}
                onRemove={(f) => setFiles((all) => all.filter((_, i) => String(i) !== f.uid))}
                beforeUpload={(f) => {
                  setFiles((all) => [...all, f]);
                  return false;
                }}
              >
                <Button>{t('business.requests.upload')}</Button>
              </Upload>
            </Form.Item>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Button type="primary" htmlType="submit" loading={busy} block data-testid="request-submit">
                {t('business.requests.raise')}
              </Button>
              {/* A firm may think better of it: the form closes and forgets what was typed. */}
              <Button block onClick={closeForm} disabled={busy} data-testid="request-cancel">
                {t('common.cancel')}
              </Button>
            </Space>
          </Form>
        </Card>
      )}
      {/* A failed load says so, rather than read as a firm with no requests. */}
      {list.failed && !list.loading ? (
        <LoadFailed onRetry={() => void list.reload()} />
      ) : (
        <List
          loading={list.loading}
          locale={{ emptyText: t('business.requests.empty') }}
          dataSource={list.data?.items ?? []}
          pagination={{
            ...fixedPaging({ page, total: list.data?.total ?? 0, onChange: setPage }),
            hideOnSinglePage: true,
            size: 'small',
          }}
          renderItem={(r) => {
            const due = dueLabel(r);
            return (
              <List.Item key={r.id} data-testid="my-request">
                <Link to={`/firm/requests/${r.id}`} style={{ width: '100%' }}>
                  <Typography.Text strong>{r.title}</Typography.Text>
                  <br />
                  <Space wrap size={4}>
                    {manyFirms && (
                      <Typography.Text data-testid="my-request-firm">{r.firmName}</Typography.Text>
                    )}
                    <Tag color={statusColor[r.status]}>{t(`business.requestStatus.${r.status}`)}</Tag>
                    {r.departmentName && <Tag>{r.departmentName}</Tag>}
                    {due && <Tag color={due.color}>{t(due.key, { days: due.days, count: due.days })}</Tag>}
                    <DueProvisionalTag request={r} />
                    <Typography.Text type="secondary">{dayInChina(r.createdAt)}</Typography.Text>
                  </Space>
                </Link>
              </List.Item>
            );
          }}
        />
      )}
    </div>
  );
}
