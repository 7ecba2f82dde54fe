import { Button, Card, Descriptions, Flex, Form, Input, Rate, Spin, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { Missing } from '../../components/NotThere';
import { listed, withNote } from '../../components/phrases';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useSession } from '../../session/SessionContext';
import { FindingSummary } from './FindingCard';
import { RectificationStatus } from './RectificationStatus';
import { type ChecklistItem, fileForm, useLoad, type VisitResult } from './shared';

/**
 * An open issue, or one the department returned: the firm confirms it rectified, with a note and
 * optionally a photo or document.
 */
function Rectify({ item, onChange }: { item: ChecklistItem; onChange: (r: VisitResult) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ note: string }>();
  const [file, setFile] = useState<File | null>(null);
  const id = item.finding!.id;
  const { submit, busy } = useFormSubmit<{ note: string }>(form, async ({ note }) => {
    if (file)
      unwrap(
        await api.POST('/api/v1/inspections/findings/{id}/rectification-photos', {
          params: { path: { id } },
          ...fileForm(file),
        }),
      );
    onChange(
      unwrap(
        await api.POST('/api/v1/inspections/findings/{id}/rectification', {
          params: { path: { id } },
          body: { note },
        }),
      ),
    );
    void message.success(t('inspections.results.confirmed'));
  });
  return (
    <Form form={form} name={`rectify-${id}`} layout="vertical" onFinish={submit} style={{ marginTop: 8 }}>
      <Form.Item
        name="note"
        label={t('inspections.results.confirmNote')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item label={t('inspections.results.confirmPhoto')}>
        <Upload
          accept="image/jpeg,image/png,application/pdf"
          maxCount={1}
          fileList={file ? [{ uid: '0', name: file.name }] : []}
          onRemove={() => setFile(null)}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
        >
          <Button data-testid="rectify-photo">{t('inspections.visits.addPhoto')}</Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block data-testid="rectify-confirm">
        {t(
          item.finding!.stage === 'returned'
            ? 'inspections.results.confirmAgain'
            : 'inspections.results.confirm',
        )}
      </Button>
    </Form>
  );
}

/** The firm rates a completed visit once. */
function RateVisit({ visit, onChange }: { visit: VisitResult; onChange: (r: VisitResult) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  const { submit, busy } = useFormSubmit<{ score: number; comment?: string }>(form, async (body) => {
    onChange(
      unwrap(
        await api.POST('/api/v1/inspections/my-results/{id}/rating', {
          params: { path: { id: visit.id } },
          body: { score: body.score, ...(body.comment ? { comment: body.comment } : {}) },
        }),
      ),
    );
    void message.success(t('inspections.results.thanks'));
  });
  return (
    <Card size="small" title={t('inspections.results.rating')} data-testid="visit-rating">
      <Typography.Paragraph type="secondary">{t('inspections.results.ratingHint')}</Typography.Paragraph>
      <Form form={form} name="visitRating" layout="vertical" onFinish={submit}>
        {/* Checked by a validator, not `required`: antd would put aria-required on the stars' list, which axe refuses. */}
        <Form.Item
          name="score"
          label={t('inspections.results.score')}
          rules={[
            {
              validator: (_, v) =>
                v ? Promise.resolve() : Promise.reject(new Error(t('errors.field.required'))),
            },
          ]}
        >
          <Rate tooltips={[1, 2, 3, 4, 5].map((s) => t('inspections.results.stars', { count: s }))} />
        </Form.Item>
        <Form.Item name="comment" label={t('inspections.results.comment')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="rating-submit">
          {t('inspections.results.rate')}
        </Button>
      </Form>
    </Card>
  );
}

/** A completed visit's results in the firm's portal: findings, rectifications to confirm, the rating. */
export function FirmVisitPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '' } = useParams();
  const { user, loading: sessionLoading } = useSession();
  const [changed, setChanged] = useState<VisitResult | null>(null);
  const loaded = useLoad(
    async () =>
      user
        ? unwrap(await api.GET('/api/v1/inspections/my-results/{id}', { params: { path: { id } } }))
        : null,
    [id, user?.id],
    { notFoundOnPage: true },
  );
  const visit = changed?.id === id ? changed : loaded.data;
  if (sessionLoading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(`/firm/visits/${id}`)}`} replace />;
  const back = <Link to="/firm">{t('inspections.results.back')}</Link>;
  // Not there, or not loaded (the server, the network): said, with the way back, not a spinner for ever.
  if (!visit && loaded.failed && !loaded.loading)
    return (
      <div style={{ maxWidth: 720, margin: '0 auto' }}>
        <Missing loading={false} back={back} problem={loaded.problem} onRetry={() => void loaded.reload()} />
      </div>
    );
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      {back}
      {!visit ? (
        <Spin style={{ display: 'block', marginTop: 64 }} />
      ) : (
        <Flex vertical gap={12} style={{ marginTop: 8 }}>
          <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
            {t('inspections.results.title')}
          </Typography.Title>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('inspections.visits.date')}>{visit.date}</Descriptions.Item>
            <Descriptions.Item label={t('inspections.visits.team')}>
              {listed(
                t,
                visit.team.map((m) => withNote(t, m.name, m.unit)),
              )}
            </Descriptions.Item>
          </Descriptions>
          {visit.items.map((item) => {
            const f = item.finding;
            const open = f?.result === 'issue' && !f.rectifiedAt;
            return (
              <Card
                size="small"
                key={item.id}
                title={item.name}
                extra={<Tag>{item.unit}</Tag>}
                data-testid="result-item"
              >
                <FindingSummary item={item} />
                {f && open && f.overdue && (
                  <Tag color="red" data-testid="overdue">
                    {t('inspections.results.overdue')}
                  </Tag>
                )}
                {f && open && !f.overdue && f.workdaysLeft !== null && (
                  <Tag color="orange">{t('inspections.results.workdaysLeft', { count: f.workdaysLeft })}</Tag>
                )}
                <RectificationStatus item={item} />
                {open && <Rectify item={item} onChange={setChanged} />}
              </Card>
            );
          })}
          {visit.rating ? (
            <Card size="small" title={t('inspections.results.rating')}>
              <Rate disabled value={visit.rating.score} />{' '}
              <Typography.Text data-testid="rating-given">
                {t('inspections.results.yourRating', { score: visit.rating.score })}
              </Typography.Text>
              {visit.rating.comment && <Typography.Paragraph>{visit.rating.comment}</Typography.Paragraph>}
            </Card>
          ) : (
            visit.allowed.includes('rate') && <RateVisit visit={visit} onChange={setChanged} />
          )}
        </Flex>
      )}
    </div>
  );
}
