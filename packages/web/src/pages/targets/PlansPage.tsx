import { Button, Flex, InputNumber, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useUnits } from '../../api/useUnits';
import { yearInChina } from '../../components/dayInChina';
import { useFeedback } from '../../components/Feedback';
import { emptyUnlessFailed, LoadFailed } from '../../components/LoadFailed';
import { ReturnReasonModal } from '../../components/ReturnReasonModal';
import { RowActionButton } from '../../components/rowActions';
import { useProblemHandler } from '../../components/useProblemHandler';
import { useSession } from '../../session/SessionContext';
import { type PlanSummary, statusColor, useLoad } from './shared';

/** Catch-up plans: a unit starts its plan here; the office reviews submitted plans. */
export function PlansPage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const { user, can } = useSession();
  const unitList = useUnits();
  const { units } = unitList;
  const [year, setYear] = useState(() => yearInChina());
  const [returning, setReturning] = useState<PlanSummary | null>(null);
  const [reason, setReason] = useState('');
  const [newUnit, setNewUnit] = useState<string | undefined>(
    user?.grants?.find((g) => g.role === 'department_staff')?.unitId,
  );
  const [status, setStatus] = useState<PlanSummary['status'] | undefined>(undefined);
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/targets/plans', { params: { query: { year } } })),
    [year],
  );
  // Plans waiting for review come first, so the office sees its work on the first page.
  const shown = (data ?? [])
    .filter((p) => !status || p.status === status)
    .sort((a, b) => Number(b.status === 'submitted') - Number(a.status === 'submitted'));

  // Units the server lets this person start a plan for: the office its scope, a unit itself.
  const unitOptions = units
    .filter((u) => u.kind !== 'district' && can('plan.create', u.path))
    .map((u) => ({ value: u.id, label: u.name }));
  const existing = data?.find((p) => p.unitId === newUnit && p.year === year);
  // Nothing listed: say whether any plan exists for the year, and how to start one if one may.
  const onlyUnit = unitOptions.length === 1 ? unitOptions[0]!.label : undefined;
  const emptyText = status
    ? t('targets.plans.emptyStatus')
    : onlyUnit
      ? t('targets.plans.emptyOwn', { unit: onlyUnit, year })
      : unitOptions.length > 0
        ? t('targets.plans.emptyCanStart', { year })
        : t('targets.plans.empty', { year });

  const create = async () => {
    if (!newUnit) return;
    if (existing) {
      void navigate(`/admin/targets/plans/${existing.id}`);
      return;
    }
    try {
      const plan = unwrap(
        await api.POST('/api/v1/targets/plans', {
          body: { unitId: newUnit, year, contactName: '', contactPhone: '', items: [] },
        }),
      );
      void navigate(`/admin/targets/plans/${plan.id}`);
    } catch (error) {
      onProblem(error);
    }
  };
  const review = async (plan: PlanSummary, approve: boolean) => {
    try {
      if (approve)
        unwrap(await api.POST('/api/v1/targets/plans/{id}/approve', { params: { path: { id: plan.id } } }));
      else
        unwrap(
          await api.POST('/api/v1/targets/plans/{id}/return', {
            params: { path: { id: plan.id } },
            body: { reason },
          }),
        );
      void message.success(t(approve ? 'targets.plans.approved' : 'targets.plans.returned'));
      setReturning(null);
      setReason('');
      await reload();
    } catch (error) {
      onProblem(error);
    }
  };

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('targets.plans.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('targets.plans.intro')}</Typography.Text>
      </div>
      {/* Which units a plan may be started for comes with the units: when they failed, say so. */}
      {unitList.failed && <LoadFailed onRetry={() => void unitList.reload()} />}
      {unitOptions.length > 0 && (
        <Space wrap role="group" aria-labelledby="plan-start-label">
          <Typography.Text id="plan-start-label">{t('targets.plans.startLabel', { year })}</Typography.Text>
          <Select
            aria-label={t('targets.plans.unit')}
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            placeholder={t('targets.plans.pickUnit')}
            value={newUnit}
            onChange={setNewUnit}
            options={unitOptions}
            data-testid="plan-unit"
          />
          <Tooltip
            title={
              !newUnit
                ? t('targets.plans.pickUnitFirst')
                : existing
                  ? undefined
                  : t('targets.plans.createHint', { year })
            }
          >
            <span>
              <Button type="primary" onClick={create} disabled={!newUnit} data-testid="plan-create">
                {t(existing ? 'targets.plans.open' : 'targets.plans.create')}
              </Button>
            </span>
          </Tooltip>
        </Space>
      )}
      <Space wrap>
        <InputNumber
          aria-label={t('targets.plans.year')}
          value={year}
          min={2000}
          max={2099}
          onChange={(v) => v && setYear(v)}
          addonBefore={t('targets.plans.year')}
        />
        <Select
          aria-label={t('targets.plans.allStatuses')}
          allowClear
          style={{ width: 140 }}
          placeholder={t('targets.plans.allStatuses')}
          value={status}
          onChange={setStatus}
          data-testid="plan-status"
          options={(['draft', 'submitted', 'approved', 'returned'] as const).map((s) => ({
            value: s,
            label: t(`targets.status.${s}`),
          }))}
        />
      </Space>
      <Table<PlanSummary>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        data-testid="plans-table"
        locale={{ emptyText: emptyUnlessFailed({ failed, reload }, emptyText) }}
        columns={[
          {
            title: t('targets.plans.unit'),
            dataIndex: 'unitName',
            render: (n, p) => <Link to={`/admin/targets/plans/${p.id}`}>{n}</Link>,
          },
          { title: t('targets.plans.year'), dataIndex: 'year' },
          {
            title: t('targets.plans.status'),
            dataIndex: 'status',
            render: (s) => <Tag color={statusColor[s]}>{t(`targets.status.${s}`)}</Tag>,
          },
          { title: t('targets.plans.items'), dataIndex: 'itemCount' },
          {
            title: t('targets.plans.contact'),
            key: 'contact',
            render: (_, p) => [p.contactName, p.contactPhone].filter(Boolean).join(' ') || '—',
          },
          { title: t('targets.plans.reason'), dataIndex: 'returnReason', render: (x) => x ?? '—' },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_, p) =>
              p.actions.review ? (
                <Space>
                  <RowActionButton
                    type="link"
                    onClick={() => review(p, true)}
                    data-testid="plan-approve"
                    action={t('targets.plans.approve')}
                    row={t('targets.plans.editorTitle', { unit: p.unitName, year: p.year })}
                  />
                  <RowActionButton
                    type="link"
                    danger
                    onClick={() => setReturning(p)}
                    data-testid="plan-return"
                    action={t('targets.plans.return')}
                    row={t('targets.plans.editorTitle', { unit: p.unitName, year: p.year })}
                  />
                </Space>
              ) : null,
          },
        ]}
      />
      <ReturnReasonModal
        open={returning !== null}
        title={t('targets.plans.returnTitle')}
        reason={reason}
        onReason={setReason}
        onCancel={() => setReturning(null)}
        onOk={() => returning && review(returning, false)}
      />
    </Flex>
  );
}
