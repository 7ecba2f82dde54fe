import {
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Form,
  Input,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { dayInChina } from '../../components/dayInChina';
import { useFeedback } from '../../components/Feedback';
import { FieldLoadFailed, LoadFailed } from '../../components/LoadFailed';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useLoad } from '../../components/useLoad';
import { VisitTag } from './LiaisonVisitTag';

type Row = components['schemas']['LiaisonRow'];
type Visit = components['schemas']['VisitView'];
interface VisitValues {
  visitedOn: Dayjs;
  attendees: string;
  topics: string;
  issues?: Array<{ title: string; body: string; categoryCode?: string; raise?: boolean }>;
}

function VisitItem({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  return (
    <div data-testid="liaison-visit">
      <Typography.Text strong>{visit.visitedOn}</Typography.Text>{' '}
      <Typography.Text type="secondary">{visit.cadreName}</Typography.Text>
      <div>{t('business.liaison.attendeesLine', { text: visit.attendees })}</div>
      <div>{t('business.liaison.topicsLine', { text: visit.topics })}</div>
      {visit.issues.map((issue) => (
        <div key={issue.title}>
          <Tag>{issue.categoryName ?? t('business.liaison.issue')}</Tag>
          {issue.title}
          {issue.requestId && (
            <Link
              to={`/admin/business/requests?q=${encodeURIComponent(issue.title)}`}
              style={{ marginLeft: 8 }}
              data-testid="liaison-issue-request"
            >
              {t('business.liaison.raisedAsRequest')}
            </Link>
          )}
        </div>
      ))}
    </div>
  );
}

/**
 * One firm's cadre and visits, newest first; the firm's cadre logs a visit here, and marks which
 * issues the firm raised become its requests in the same step.
 */
export function LiaisonVisitsDrawer({
  row,
  onClose,
  onLogged,
}: {
  row: Row | null;
  onClose: () => void;
  onLogged: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [form] = Form.useForm<VisitValues>();
  // Qianjiang's day, not the device's: after midnight in China a device on another zone's clock
  // would propose yesterday and refuse today.
  const today = dayInChina(new Date().toISOString());
  const firmId = row?.firmId;
  const liaison = useLoad(
    async () =>
      firmId
        ? unwrap(await api.GET('/api/v1/business/firms/{id}/liaison', { params: { path: { id: firmId } } }))
        : null,
    [firmId],
  );
  const { data, loading, reload } = liaison;
  const categories = useLoad(
    async () => (row?.actions.logVisit ? unwrap(await api.GET('/api/v1/business/request-categories')) : []),
    [row?.actions.logVisit],
  );
  const { submit, busy } = useFormSubmit<VisitValues>(form, async (values) => {
    unwrap(
      await api.POST('/api/v1/business/firms/{id}/visits', {
        params: { path: { id: firmId! } },
        body: {
          visitedOn: values.visitedOn.format('YYYY-MM-DD'),
          attendees: values.attendees,
          topics: values.topics,
          issues: (values.issues ?? []).map((i) => ({ ...i, raise: !!i.raise })),
        },
      }),
    );
    void message.success(t('business.liaison.logged'));
    form.resetFields();
    await reload();
    onLogged();
  });
  return (
    <Drawer
      open={!!row}
      onClose={onClose}
      size={640}
      title={row?.firmName}
      destroyOnHidden
      data-testid="liaison-drawer"
    >
      {row && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('business.liaison.cadre')}>
            {row.cadreName ?? t('business.liaison.state.unpairedShort')}
          </Descriptions.Item>
          <Descriptions.Item label={t('business.liaison.nextVisit')}>
            <VisitTag row={row} />
          </Descriptions.Item>
        </Descriptions>
      )}
      {data?.actions.logVisit && (
        <>
          <Divider>{t('business.liaison.logVisit')}</Divider>
          <Form
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ visitedOn: dayjs(today), issues: [] }}
          >
            <Form.Item name="visitedOn" label={t('business.liaison.visitedOn')} rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
            </Form.Item>
            <Form.Item name="attendees" label={t('business.liaison.attendees')} rules={[{ required: true }]}>
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item name="topics" label={t('business.liaison.topics')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Form.List name="issues">
              {(fields, { add, remove }) => (
                <>
                  {/* Without the categories an issue's choice would be empty, as if there were none. */}
                  {fields.length > 0 && <FieldLoadFailed load={categories} />}
                  {fields.map((field, i) => (
                    <Space key={field.key} direction="vertical" style={{ width: '100%' }}>
                      <Typography.Text strong>{t('business.liaison.issueN', { n: i + 1 })}</Typography.Text>
                      <Form.Item
                        name={[field.name, 'title']}
                        label={t('business.requests.titleField')}
                        rules={[{ required: true }]}
                      >
                        <Input maxLength={80} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'body']}
                        label={t('business.liaison.issueBody')}
                        rules={[{ required: true }]}
                      >
                        <Input.TextArea rows={2} maxLength={2000} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'categoryCode']} label={t('business.requests.category')}>
                        <Select
                          allowClear
                          aria-label={t('business.requests.category')}
                          options={(categories.data ?? [])
                            .filter((c) => c.active)
                            .map((c) => ({ value: c.code, label: c.name }))}
                        />
                      </Form.Item>
                      <Space>
                        <Form.Item name={[field.name, 'raise']} valuePropName="checked" noStyle>
                          <Checkbox data-testid="liaison-issue-raise">{t('business.liaison.raise')}</Checkbox>
                        </Form.Item>
                        <Button size="small" onClick={() => remove(field.name)}>
                          {t('business.liaison.removeIssue')}
                        </Button>
                      </Space>
                    </Space>
                  ))}
                  <Button onClick={() => add({ raise: false })} data-testid="liaison-add-issue">
                    {t('business.liaison.addIssue')}
                  </Button>
                </>
              )}
            </Form.List>
            <div style={{ marginTop: 16 }}>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="liaison-log">
                {t('business.liaison.logVisit')}
              </Button>
            </div>
          </Form>
        </>
      )}
      <Divider>{t('business.liaison.visits')}</Divider>
      {loading && !data ? (
        <Spin tip={t('business.liaison.loading')}>
          <div style={{ height: 60 }} />
        </Spin>
      ) : liaison.failed && !data ? (
        <LoadFailed onRetry={() => void reload()} />
      ) : data?.visits.length ? (
        <Timeline items={data.visits.map((v) => ({ key: v.id, children: <VisitItem visit={v} /> }))} />
      ) : (
        <Empty description={t('business.liaison.noVisits')} />
      )}
    </Drawer>
  );
}
