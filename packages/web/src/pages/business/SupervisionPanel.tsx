import { Button, Card, Form, Input, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { dayInChina } from '../../components/dayInChina';
import { useFeedback } from '../../components/Feedback';
import { LoadFailed } from '../../components/LoadFailed';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useLoad } from '../../components/useLoad';
import { useSession } from '../../session/SessionContext';

type Trail = components['schemas']['SupervisionTrail'];
type Entry = components['schemas']['SupervisionEntry'];
type Kind = Entry['kind'];

/**
 * 纪委监督 on one request, in the console's drawer: the commission's notes and reminders (督办),
 * the form it writes them with, and the department's acknowledgement of each reminder. What the
 * caller may do comes with the trail from the server.
 */
export function SupervisionPanel({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { menu } = useSession();
  const path = { params: { path: { id: requestId } } };
  // Whoever the server opens the audit log to may follow the request's whole trail there.
  const audited = menu.some((m) => m.path === '/admin/audit');
  const [trail, setTrail] = useState<Trail | null>(null);
  const { loading, failed, reload } = useLoad(async () => {
    const result = await api.GET('/api/v1/business/requests/{id}/supervision', path);
    // A caller without the right to read it (a firm) simply has no panel; any other failure
    // (the server, the network) is one, said in the panel rather than taken for no trail.
    const refused = result.response.status === 403 || result.response.status === 404;
    setTrail(refused ? null : unwrap(result));
  }, [requestId]);
  if (loading && !trail) return null;
  if (failed && !trail)
    return (
      <Card size="small" title={t('business.supervision.trail')} style={{ marginTop: 16 }}>
        <LoadFailed onRetry={() => void reload()} />
      </Card>
    );
  if (!trail || (trail.items.length === 0 && !trail.actions.note)) return null;
  return (
    <Card
      size="small"
      title={t('business.supervision.trail')}
      style={{ marginTop: 16 }}
      data-testid="supervision-panel"
      extra={
        audited && (
          <Link
            to={`/admin/audit?entityType=businessRequest&entityId=${requestId}`}
            data-testid="request-audit"
          >
            {t('business.supervision.auditTrail')}
          </Link>
        )
      }
    >
      <List<Entry>
        dataSource={trail.items}
        locale={{ emptyText: t('business.supervision.noEntries') }}
        renderItem={(e) => <EntryItem entry={e} onChange={setTrail} />}
      />
      {trail.actions.note && (
        <AddForm requestId={requestId} canRemind={trail.actions.remind} onChange={setTrail} />
      )}
    </Card>
  );
}

function EntryItem({ entry, onChange }: { entry: Entry; onChange(trail: Trail): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ note: string }>();
  const { submit, busy } = useFormSubmit<{ note: string }>(form, async ({ note }) => {
    onChange(
      unwrap(
        await api.POST('/api/v1/business/supervision/{id}/acknowledge', {
          params: { path: { id: entry.id } },
          body: { note },
        }),
      ),
    );
    void message.success(t('business.supervision.acknowledged'));
  });
  return (
    <List.Item data-testid="supervision-entry">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={entry.kind === 'reminder' ? 'red' : 'default'}>
            {t(`business.supervision.kinds.${entry.kind}`)}
          </Tag>
          <Typography.Text type="secondary">{dayInChina(entry.createdAt)}</Typography.Text>
          {entry.departmentName && <Typography.Text type="secondary">{entry.departmentName}</Typography.Text>}
        </Space>
        <Typography.Paragraph style={{ margin: 0 }}>{entry.body}</Typography.Paragraph>
        {entry.acknowledgedAt && (
          <Typography.Paragraph style={{ margin: 0 }} data-testid="supervision-ack">
            {t('business.supervision.ackBy', {
              date: dayInChina(entry.acknowledgedAt),
              note: entry.acknowledgement,
            })}
          </Typography.Paragraph>
        )}
        {entry.closedAt && (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="supervision-closed">
            {t(
              entry.closedReason === 'requestClosed'
                ? 'business.supervision.closedRequestClosed'
                : 'business.supervision.closedRerouted',
              { date: dayInChina(entry.closedAt) },
            )}
          </Typography.Paragraph>
        )}
        {entry.kind === 'reminder' &&
          !entry.acknowledgedAt &&
          !entry.closedAt &&
          !entry.actions.acknowledge && <Tag color="orange">{t('business.supervision.awaitingAck')}</Tag>}
        {entry.actions.acknowledge && (
          <Form form={form} layout="inline" onFinish={submit} name={`ack-${entry.id}`}>
            <Form.Item name="note" rules={[{ required: true, min: 2 }]} style={{ flex: 1 }}>
              <Input
                aria-label={t('business.supervision.ackNote')}
                placeholder={t('business.supervision.ackNote')}
              />
            </Form.Item>
            <Button htmlType="submit" type="primary" loading={busy} data-testid="supervision-acknowledge">
              {t('business.supervision.acknowledge')}
            </Button>
          </Form>
        )}
      </Space>
    </List.Item>
  );
}

function AddForm({
  requestId,
  canRemind,
  onChange,
}: {
  requestId: string;
  canRemind: boolean;
  onChange(trail: Trail): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<{ kind: Kind; body: string }>();
  const { submit, busy } = useFormSubmit<{ kind: Kind; body: string }>(form, async (values) => {
    onChange(
      unwrap(
        await api.POST('/api/v1/business/requests/{id}/supervision', {
          params: { path: { id: requestId } },
          body: values,
        }),
      ),
    );
    form.resetFields();
  });
  const kinds: Kind[] = canRemind ? ['reminder', 'note'] : ['note'];
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: kinds[0] }} name="supervise">
      <Form.Item name="kind" label={t('business.supervision.kind')}>
        <Segmented options={kinds.map((k) => ({ value: k, label: t(`business.supervision.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="body" label={t('business.supervision.body')} rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Button htmlType="submit" type="primary" loading={busy} data-testid="supervision-submit">
        {t('business.supervision.send')}
      </Button>
    </Form>
  );
}
