import { DatePicker, Form, Input, InputNumber, Radio, Rate, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Children } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { ActionForm, type Change } from './RequestActionForm';
import { RouteRequestForm } from './RouteRequestForm';
import { answerToRate, isBad, type RequestDetail, ratingToAppeal } from './requests';

const required = { required: true };

/** The actions the server says the caller may take now, each as a small form. */
export function RequestActionsPanel({ request, onChange }: { request: RequestDetail; onChange: Change }) {
  const { t } = useTranslation();
  const api = useApi();
  const a = request.actions;
  const id = { params: { path: { id: request.id } } };
  const toRate = answerToRate(request);
  const toAppeal = ratingToAppeal(request);
  const rect = request.rectifications.find((r) => r.status === 'open');
  const ext = request.extensions.find((e) => e.status === 'pending');
  const appeal = request.answers.map((x) => x.rating?.appeal).find((p) => p?.status === 'pending');
  const pathOf = (x: string) => ({ params: { path: { id: x } } });
  const panel = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {/* Keyed by the department: after routing, the form starts again from the new one. */}
      {a.route && <RouteRequestForm key={request.departmentId ?? ''} request={request} onChange={onChange} />}
      {a.answer && (
        <ActionForm<{ body: string }>
          name="answer"
          title="business.requests.answer"
          done="business.requests.answered"
          onChange={onChange}
          submit={async (body) =>
            unwrap(await api.POST('/api/v1/business/requests/{id}/answer', { ...id, body }))
          }
        >
          <Form.Item name="body" label={t('business.requests.answerBody')} rules={[required]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        </ActionForm>
      )}
      {a.rate && toRate && (
        <ActionForm<{ score: number; comment?: string }>
          name="rate"
          title="business.requests.rate"
          // A bad rating starts a verification and a rectification: the firm is told what follows.
          done={(v) => (isBad(v.score) ? 'business.requests.ratedBad' : 'business.requests.rated')}
          onChange={onChange}
          submit={async (body) =>
            unwrap(
              await api.POST('/api/v1/business/answers/{id}/rating', {
                ...pathOf(toRate.id),
                body: { score: body.score, comment: body.comment ?? '' },
              }),
            )
          }
        >
          {request.rateBy && (
            <Typography.Paragraph type="secondary" data-testid="rate-by">
              {t('business.requests.rateBy', { date: request.rateBy })}
            </Typography.Paragraph>
          )}
          <Form.Item name="score" label={t('business.requests.rateHint')} rules={[required]}>
            <Rate tooltips={[1, 2, 3, 4, 5].map((s) => t(`business.scores.${s}`))} />
          </Form.Item>
          <Form.Item name="comment" label={t('business.requests.comment')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </ActionForm>
      )}
      {a.recordVisit && rect && (
        <ActionForm<{ visitedOn: Dayjs; note: string }>
          name="visit"
          title="business.requests.recordVisit"
          done="business.requests.visited"
          onChange={onChange}
          submit={async (v) =>
            unwrap(
              await api.POST('/api/v1/business/rectifications/{id}/visit', {
                ...pathOf(rect.id),
                body: { visitedOn: v.visitedOn.format('YYYY-MM-DD'), note: v.note },
              }),
            )
          }
        >
          <Typography.Paragraph type="secondary">
            {t('business.requests.rectifyingHint', { date: rect.dueOn })}
          </Typography.Paragraph>
          <Form.Item name="visitedOn" label={t('business.requests.visitedOn')} rules={[required]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label={t('business.requests.visitNote')} rules={[required]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </ActionForm>
      )}
      {a.rectify && rect?.visitedOn && (
        <ActionForm<{ body: string }>
          name="rectify"
          title="business.requests.rectify"
          done="business.requests.rectified"
          onChange={onChange}
          submit={async (body) =>
            unwrap(
              await api.POST('/api/v1/business/rectifications/{id}/result', { ...pathOf(rect.id), body }),
            )
          }
        >
          <Form.Item name="body" label={t('business.requests.rectifyBody')} rules={[required]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </ActionForm>
      )}
      {a.askExtension && (
        <ActionForm<{ workdays: number; reason: string }>
          name="extend"
          title="business.requests.askExtension"
          done="business.requests.extensionAsked"
          onChange={onChange}
          submit={async (body) =>
            unwrap(await api.POST('/api/v1/business/requests/{id}/extensions', { ...id, body }))
          }
        >
          <Form.Item
            name="workdays"
            label={t('business.requests.workdays')}
            rules={[required]}
            initialValue={3}
          >
            <InputNumber min={1} max={20} />
          </Form.Item>
          <Form.Item name="reason" label={t('business.requests.reason')} rules={[required]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </ActionForm>
      )}
      {a.appeal && toAppeal && (
        <ActionForm<{ reason: string }>
          name="appeal"
          title="business.requests.appeal"
          done="business.requests.appealed"
          onChange={onChange}
          submit={async (body) =>
            unwrap(await api.POST('/api/v1/business/ratings/{id}/appeal', { ...pathOf(toAppeal.id), body }))
          }
        >
          <Form.Item name="reason" label={t('business.requests.appealReason')} rules={[required]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </ActionForm>
      )}
      {a.decide && ext && (
        <ActionForm<{ approve: boolean; note?: string }>
          name="decideExtension"
          title="business.requests.decideExtension"
          done="business.requests.decided"
          onChange={onChange}
          submit={async (v) =>
            unwrap(
              await api.POST('/api/v1/business/extensions/{id}/decision', {
                ...pathOf(ext.id),
                body: { approve: v.approve, note: v.note ?? '' },
              }),
            )
          }
        >
          <Typography.Paragraph data-testid="extension-asked">
            {t('business.requests.extensionAskedFor', { count: ext.workdays, reason: ext.reason })}
          </Typography.Paragraph>
          <Form.Item name="approve" rules={[required]}>
            <Radio.Group
              options={[
                { value: true, label: t('business.requests.approve') },
                { value: false, label: t('business.requests.refuse') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('business.requests.decisionNote')}>
            <Input maxLength={500} />
          </Form.Item>
        </ActionForm>
      )}
      {a.decide && appeal && (
        <ActionForm<{ upheld: boolean; note: string }>
          name="decideAppeal"
          title="business.requests.decideAppeal"
          done="business.requests.decided"
          onChange={onChange}
          submit={async (body) =>
            unwrap(await api.POST('/api/v1/business/appeals/{id}/decision', { ...pathOf(appeal.id), body }))
          }
        >
          <Typography.Paragraph>
            {t('business.requests.appealReasonOf', { reason: appeal.reason })}
          </Typography.Paragraph>
          <Form.Item name="upheld" rules={[required]}>
            <Radio.Group
              options={[
                { value: true, label: t('business.requests.upheld') },
                { value: false, label: t('business.requests.dismissed') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('business.requests.rulingNote')} rules={[required]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </ActionForm>
      )}
    </Space>
  );
  // No action open to the reader: nothing, rather than an empty space between the request and
  // its timeline.
  return Children.toArray(panel.props.children).length > 0 ? panel : null;
}
