import { Button, Flex, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { LoadFailed } from '../../components/LoadFailed';
import { period } from '../../components/phrases';
import { useProblemHandler } from '../../components/useProblemHandler';
import { useSession } from '../../session/SessionContext';
import { FiguresSection } from './FiguresSection';
import { PlanCalendar } from './PlanCalendar';
import { PlanFigures } from './PlanFigures';
import { PlanFormModal } from './PlanFormModal';
import { RectificationsSection } from './RectificationsSection';
import { type InspectionPlan, type PlanVisit, useLoad } from './shared';
import { UnplannedTable } from './UnplannedTable';
import { useNarrow } from './useNarrow';
import { VisitDrawer } from './VisitDrawer';

/** 综合查一次: the joint plans of periods, each on a month calendar with its figures. */
export function PlansPage() {
  const { t } = useTranslation();
  // Joint plans cross departments: the district office makes them, staff and supervisors read them.
  const { can } = useSession();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [creating, setCreating] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [plan, setPlan] = useState<InspectionPlan | null>(null);
  const [open, setOpen] = useState<PlanVisit | null>(null);
  const narrow = useNarrow();
  const list = useLoad(
    async () => unwrap(await api.GET('/api/v1/inspections/plans', { params: { query: { pageSize: 50 } } })),
    [],
  );
  const id = chosen ?? list.data?.items[0]?.id ?? null;
  useEffect(() => {
    if (!id) return setPlan(null);
    api
      .GET('/api/v1/inspections/plans/{id}', { params: { path: { id } } })
      .then((r) => setPlan(unwrap(r)))
      .catch(onProblem);
  }, [api, id, onProblem]);

  const act = async (action: 'publish' | 'delete') => {
    if (!plan) return;
    try {
      const path = { params: { path: { id: plan.id } } };
      if (action === 'publish')
        setPlan(unwrap(await api.POST('/api/v1/inspections/plans/{id}/publish', path)));
      else {
        unwrap(await api.DELETE('/api/v1/inspections/plans/{id}', path));
        setChosen(null);
      }
      void message.success(t(`inspections.plans.${action === 'publish' ? 'published' : 'deleted'}`));
      await list.reload();
    } catch (error) {
      onProblem(error);
    }
  };
  const status = (s: InspectionPlan['status']) =>
    t(`inspections.plans.${s === 'draft' ? 'statusDraft' : 'statusPublished'}`);

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('inspections.plans.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('inspections.plans.intro')}</Typography.Text>
      </div>
      <Flex wrap gap={8}>
        <Select
          style={narrow ? { width: '100%' } : { minWidth: 280 }}
          aria-label={t('inspections.plans.choose')}
          placeholder={t('inspections.plans.choose')}
          loading={list.loading}
          value={id ?? undefined}
          onChange={(v: string) => setChosen(v)}
          notFoundContent={t('inspections.plans.none')}
          options={(list.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${period(t, p.periodStart, p.periodEnd)} · ${status(p.status)}`,
          }))}
          data-testid="plan-select"
        />
        {can('plan.write') && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="plan-create">
            {t('inspections.plans.create')}
          </Button>
        )}
        {plan?.allowed.includes('publish') && (
          <Popconfirm title={t('inspections.plans.publishConfirm')} onConfirm={() => act('publish')}>
            <Button data-testid="plan-publish">{t('inspections.plans.publish')}</Button>
          </Popconfirm>
        )}
        {plan?.allowed.includes('delete') && (
          <Popconfirm title={t('inspections.plans.deleteConfirm')} onConfirm={() => act('delete')}>
            <Button danger>{t('inspections.plans.delete')}</Button>
          </Popconfirm>
        )}
      </Flex>
      {list.failed && !list.loading && <LoadFailed onRetry={() => void list.reload()} />}
      {!list.loading && !list.failed && (list.data?.items.length ?? 0) === 0 && (
        <Typography.Text>{t('inspections.plans.none')}</Typography.Text>
      )}
      {plan && (
        <>
          <Space>
            <Typography.Text strong>{period(t, plan.periodStart, plan.periodEnd)}</Typography.Text>
            <Tag color={plan.status === 'draft' ? 'default' : 'success'} data-testid="plan-status">
              {status(plan.status)}
            </Tag>
          </Space>
          <PlanFigures figures={plan.figures} />
          <PlanCalendar
            key={plan.id}
            start={plan.periodStart}
            end={plan.periodEnd}
            visits={plan.visits}
            showStatus={plan.status === 'published'}
            onOpen={setOpen}
          />
          {plan.unplanned.length > 0 && (
            <>
              <Typography.Title level={4}>{t('inspections.plans.unplannedTitle')}</Typography.Title>
              <UnplannedTable unplanned={plan.unplanned} narrow={narrow} />
            </>
          )}
          <VisitDrawer
            plan={plan}
            visit={open}
            onClose={() => setOpen(null)}
            onMoved={(next) => {
              setPlan(next);
              setOpen(null);
              void message.success(t('inspections.plans.moved'));
            }}
          />
        </>
      )}
      <RectificationsSection />
      <FiguresSection />
      <PlanFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          void message.success(t('inspections.plans.created'));
          setChosen(created.id);
          setPlan(created);
          void list.reload();
        }}
      />
    </Flex>
  );
}
