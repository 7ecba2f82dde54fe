import { officialCalendar, YearNotCoveredError } from '@qianxing/core/calendar';
import { Alert, Button, Descriptions, Drawer, Flex, Form, Select, Tag } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { FieldLoadFailed } from '../../components/LoadFailed';
import { listed, period, withNote } from '../../components/phrases';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useLoadedYears } from '../admin/calendar/loadedYears';
import { type InspectionPlan, type PlanVisit, visitColor } from './shared';
import { useNarrow } from './useNarrow';
import { VisitFindings } from './VisitFindings';

interface Values {
  date: string;
}

/**
 * One visit of a plan; on a draft, the office moves it to another date (its team is the one the
 * draws assigned, and stays); once its team has started, the office reads its findings here.
 */
export function VisitDrawer({
  plan,
  visit,
  onClose,
  onMoved,
}: {
  plan: InspectionPlan;
  visit: PlanVisit | null;
  onClose(): void;
  onMoved(plan: InspectionPlan): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const movable = plan.allowed.includes('move');
  // On a phone the drawer takes the whole screen: a 736-pixel drawer would run off its side.
  const narrow = useNarrow();
  // A year the office loaded from its notice is known here once the loaded years are in.
  const loadedYears = useLoadedYears();
  // The days the visit may take: the plan's period within its tasks' periods.
  const allowed = visit?.allowedPeriod;
  const start = allowed && allowed.start > plan.periodStart ? allowed.start : plan.periodStart;
  const end = allowed && allowed.end < plan.periodEnd ? allowed.end : plan.periodEnd;
  const narrower = start !== plan.periodStart || end !== plan.periodEnd;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the calendar changes when the loaded years come in
  const days = useMemo(() => {
    try {
      return officialCalendar.workdaysIn(start, end);
    } catch (error) {
      if (error instanceof YearNotCoveredError) return undefined;
      throw error;
    }
  }, [start, end, loadedYears.loading]);
  useEffect(() => {
    if (visit && movable) form.setFieldsValue({ date: visit.date });
  }, [visit, form, movable]);
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    if (!visit) return;
    onMoved(
      unwrap(
        await api.PUT('/api/v1/inspections/plans/{id}/visits/{visitId}', {
          params: { path: { id: plan.id, visitId: visit.id } },
          body: { date: v.date, inspectorIds: visit.inspectors.map((p) => p.id) },
        }),
      ),
    );
  });
  return (
    <Drawer
      open={!!visit}
      onClose={onClose}
      title={visit?.firm.name}
      size={narrow ? '100%' : 'large'}
      destroyOnHidden
      data-testid="visit-drawer"
    >
      {visit && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('inspections.plans.date')}>{visit.date}</Descriptions.Item>
            {narrower && (
              <Descriptions.Item label={t('inspections.plans.allowedPeriod')}>
                <span data-testid="visit-allowed-period">{period(t, start, end)}</span>
              </Descriptions.Item>
            )}
            {plan.status === 'published' && (
              <Descriptions.Item label={t('inspections.plans.status')}>
                <Tag color={visitColor[visit.status]} data-testid="visit-drawer-status">
                  {t(`inspections.visitStatus.${visit.status}`)}
                </Tag>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('inspections.plans.departments')}>
              {listed(
                t,
                visit.departments.map((d) => d.name),
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.plans.team')}>
              {listed(
                t,
                visit.inspectors.map((p) => withNote(t, p.name, p.unit)),
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.plans.items')}>
              {listed(
                t,
                visit.items.map((i) => withNote(t, i.name, i.unit)),
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.plans.tasks')}>
              {listed(
                t,
                visit.tasks.map((x) => x.name),
              )}
            </Descriptions.Item>
          </Descriptions>
          {movable && (
            <Form form={form} name="visitMove" layout="vertical" onFinish={submit}>
              {!days && <FieldLoadFailed load={loadedYears} />}
              <Form.Item name="date" label={t('inspections.plans.date')}>
                <Select
                  showSearch
                  aria-label={t('inspections.plans.date')}
                  loading={!days && loadedYears.loading}
                  options={(days ?? []).map((d) => ({ value: d, label: d }))}
                  data-testid="visit-date"
                />
              </Form.Item>
              <Alert
                type="info"
                showIcon
                title={t('inspections.plans.teamDrawn')}
                style={{ marginBottom: 16 }}
              />
              <Button type="primary" htmlType="submit" loading={busy} data-testid="visit-save">
                {t('inspections.plans.move')}
              </Button>
            </Form>
          )}
          {plan.status === 'published' && visit.status !== 'planned' && <VisitFindings visitId={visit.id} />}
        </Flex>
      )}
    </Drawer>
  );
}
