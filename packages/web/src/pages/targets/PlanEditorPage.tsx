import {
  Alert,
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { ReturnReasonModal } from '../../components/ReturnReasonModal';
import { useProblemHandler } from '../../components/useProblemHandler';
import { type Indicator, type IndicatorLabel, type PlanItem, statusColor, useLoad } from './shared';

type Row = Omit<PlanItem, 'targets'> & { targets: number[]; label: IndicatorLabel };

/** A unit's plan: choose indicators, base, a target per quarter and the benchmark chased; submit. */
export function PlanEditorPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '' } = useParams();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [rows, setRows] = useState<Row[]>([]);
  const [contact, setContact] = useState({ contactName: '', contactPhone: '' });
  const [search, setSearch] = useState<Indicator[]>([]);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const plan = useLoad(
    async () => unwrap(await api.GET('/api/v1/targets/plans/{id}', { params: { path: { id } } })),
    [id],
  );
  const regions = useLoad(async () => unwrap(await api.GET('/api/v1/targets/regions')), []);
  useEffect(() => {
    if (!plan.data) return;
    setRows(
      plan.data.items.map((i) => ({
        indicatorId: i.indicatorId,
        base: i.base,
        targets: i.targets,
        benchmarkRegionId: i.benchmarkRegionId,
        benchmarkValue: i.benchmarkValue,
        weight: i.weight,
        label: { code: i.indicatorCode, name: i.indicatorName, measure: i.measure },
      })),
    );
    setContact({ contactName: plan.data.contactName, contactPhone: plan.data.contactPhone });
  }, [plan.data]);
  const editable = plan.data?.actions.edit ?? false;

  const find = async (q: string) => {
    try {
      const query = q.trim() ? { q: q.trim(), pageSize: 30 } : { pageSize: 30 };
      setSearch(unwrap(await api.GET('/api/v1/targets/indicators', { params: { query } })).items);
    } catch (error) {
      onProblem(error);
    }
  };
  const add = (indicatorId: string) => {
    const ind = search.find((i) => i.id === indicatorId);
    if (!ind || rows.some((r) => r.indicatorId === indicatorId)) return;
    setRows([
      ...rows,
      {
        indicatorId,
        label: { code: ind.code, name: ind.name, measure: ind.measure },
        base: 0,
        targets: [0, 0, 0, 0],
        benchmarkRegionId: null,
        benchmarkValue: null,
        weight: 1,
      },
    ]);
  };
  const patch = (k: number, change: Partial<Row>) =>
    setRows(rows.map((r, i) => (i === k ? { ...r, ...change } : r)));
  /** Saves the form; true when it was saved. */
  const store = async (quiet = false) => {
    try {
      const items = rows.map(({ label: _l, ...r }) => ({
        indicatorId: r.indicatorId,
        base: r.base,
        targets: r.targets,
        benchmarkRegionId: r.benchmarkRegionId,
        benchmarkValue: r.benchmarkValue,
        weight: r.weight,
      }));
      unwrap(
        await api.PUT('/api/v1/targets/plans/{id}', {
          params: { path: { id } },
          body: { ...contact, items },
        }),
      );
      if (!quiet) {
        void message.success(t('targets.saved'));
        await plan.reload();
      }
      return true;
    } catch (error) {
      onProblem(error);
      return false;
    }
  };
  // Submitting sends what is on screen: unsaved changes are saved first.
  const submit = async () => {
    if (editable && !(await store(true))) return;
    try {
      unwrap(await api.POST('/api/v1/targets/plans/{id}/submit', { params: { path: { id } } }));
      void message.success(t('targets.plans.submitted'));
      await plan.reload();
    } catch (error) {
      onProblem(error);
    }
  };
  const review = async (approve: boolean) => {
    try {
      if (approve) unwrap(await api.POST('/api/v1/targets/plans/{id}/approve', { params: { path: { id } } }));
      else
        unwrap(
          await api.POST('/api/v1/targets/plans/{id}/return', { params: { path: { id } }, body: { reason } }),
        );
      void message.success(t(approve ? 'targets.plans.approved' : 'targets.plans.returned'));
      setReturning(false);
      await plan.reload();
    } catch (error) {
      onProblem(error);
    }
  };
  const num = (id: string, value: number, onChange: (v: number) => void) => (
    <InputNumber
      id={id}
      size="small"
      value={value}
      disabled={!editable}
      onChange={(v) => onChange(Number(v ?? 0))}
      style={{ width: 96 }}
    />
  );

  if (!plan.data) return <Skeleton active />;
  const p = plan.data;
  return (
    <Flex vertical gap={16}>
      <Link to="/admin/targets/plans">{t('targets.plans.back')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('targets.plans.editorTitle', { unit: p.unitName, year: p.year })}{' '}
        <Tag color={statusColor[p.status]}>{t(`targets.status.${p.status}`)}</Tag>
      </Typography.Title>
      {p.returnReason && (
        <Alert type="warning" showIcon title={t('targets.reasonIs', { reason: p.returnReason })} />
      )}
      <Form layout="inline">
        <Form.Item label={t('targets.plans.contactName')}>
          <Input
            id="plan-contact-name"
            value={contact.contactName}
            disabled={!editable}
            maxLength={40}
            onChange={(e) => setContact({ ...contact, contactName: e.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('targets.plans.contactPhone')}>
          <Input
            id="plan-contact-phone"
            value={contact.contactPhone}
            disabled={!editable}
            maxLength={11}
            onChange={(e) => setContact({ ...contact, contactPhone: e.target.value })}
          />
        </Form.Item>
      </Form>
      {editable && (
        <Select
          id="plan-add-indicator"
          showSearch
          filterOption={false}
          style={{ maxWidth: 480 }}
          placeholder={t('targets.plans.addIndicator')}
          onFocus={() => search.length === 0 && void find('')}
          onSearch={(q) => void find(q)}
          notFoundContent={t('targets.plans.noIndicator')}
          onChange={add}
          value={null}
          options={search.map((i) => ({
            value: i.id,
            label: t('targets.indicatorLabel', { code: i.code, name: i.name, measure: i.measure }),
          }))}
        />
      )}
      <Table<Row>
        rowKey="indicatorId"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('targets.indicators.name'),
            key: 'label',
            render: (_, r) => t('targets.indicatorLabel', { ...r.label }),
          },
          {
            title: t('targets.plans.base'),
            key: 'base',
            render: (_, r, k) => num(`plan-item-${k}-base`, r.base, (v) => patch(k, { base: v })),
          },
          ...[0, 1, 2, 3].map((q) => ({
            title: t('targets.plans.targetQ', { q: q + 1 }),
            key: `q${q}`,
            render: (_: unknown, r: Row, k: number) =>
              num(`plan-item-${k}-q${q + 1}`, r.targets[q] ?? 0, (v) =>
                patch(k, { targets: r.targets.map((x, i) => (i === q ? v : x)) }),
              ),
          })),
          {
            title: t('targets.plans.benchmarkRegion'),
            key: 'region',
            render: (_, r, k) => (
              <Select
                size="small"
                allowClear
                disabled={!editable}
                style={{ width: 150 }}
                value={r.benchmarkRegionId ?? undefined}
                onChange={(v) => patch(k, { benchmarkRegionId: v ?? null })}
                options={(regions.data ?? [])
                  .filter((g) => g.kind !== 'self')
                  .map((g) => ({ value: g.id, label: g.name }))}
              />
            ),
          },
          {
            title: t('targets.plans.benchmarkValue'),
            key: 'bv',
            render: (_, r, k) => (
              <InputNumber
                id={`plan-item-${k}-benchmark`}
                size="small"
                disabled={!editable}
                value={r.benchmarkValue}
                onChange={(v) => patch(k, { benchmarkValue: v === null ? null : Number(v) })}
              />
            ),
          },
          {
            title: t('targets.plans.weight'),
            key: 'w',
            render: (_, r, k) => num(`plan-item-${k}-weight`, r.weight, (v) => patch(k, { weight: v || 1 })),
          },
          {
            title: t('common.actions'),
            fixed: 'right',
            key: 'x',
            render: (_, _r, k) =>
              editable ? (
                <Button
                  size="small"
                  type="link"
                  danger
                  onClick={() => setRows(rows.filter((_, i) => i !== k))}
                >
                  {t('targets.remove')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Space>
        {editable && (
          <Button onClick={() => store()} data-testid="plan-save">
            {t('targets.save')}
          </Button>
        )}
        {(p.actions.submit || editable) && (
          <Button type="primary" onClick={submit} disabled={rows.length === 0} data-testid="plan-submit">
            {t('targets.plans.submit')}
          </Button>
        )}
        {p.actions.review && (
          <>
            <Button type="primary" onClick={() => review(true)} data-testid="plan-approve">
              {t('targets.plans.approve')}
            </Button>
            <Button danger onClick={() => setReturning(true)} data-testid="plan-return">
              {t('targets.plans.return')}
            </Button>
          </>
        )}
        {p.actions.report && (
          <Link to={`/admin/targets/reports?plan=${p.id}`}>{t('targets.plans.goReport')}</Link>
        )}
      </Space>
      <ReturnReasonModal
        open={returning}
        title={t('targets.plans.returnTitle')}
        reason={reason}
        onReason={setReason}
        onCancel={() => setReturning(false)}
        onOk={() => review(false)}
      />
    </Flex>
  );
}
