import { officialCalendar } from '@qianxing/core/calendar';
import { Button, Descriptions, Drawer, Flex, Form, Select, Tag } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFormSubmit } from '../../components/useFormSubmit';
import { type InspectionPlan, type PlanVisit, useLoad, visitColor } from './shared';

interface Values {
  date: string;
  inspectorIds: string[];
}

/** One visit of a plan; on a draft, the office moves it to another date or team. */
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
  const inspectors = useLoad(
    async () =>
      visit && movable
        ? unwrap(await api.GET('/api/v1/inspections/inspectors', { params: { query: { pageSize: 200 } } }))
        : null,
    [visit?.id, movable],
  );
  const days = useMemo(
    () => officialCalendar.workdaysIn(plan.periodStart, plan.periodEnd),
    [plan.periodStart, plan.periodEnd],
  );
  useEffect(() => {
    if (visit) form.setFieldsValue({ date: visit.date, inspectorIds: visit.inspectors.map((p) => p.id) });
  }, [visit, form]);
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    if (!visit) return;
    onMoved(
      unwrap(
        await api.PUT('/api/v1/inspections/plans/{id}/visits/{visitId}', {
          params: { path: { id: plan.id, visitId: visit.id } },
          body: v,
        }),
      ),
    );
  });
  const options = (inspectors.data?.items ?? [])
    .filter((p) => p.active)
    .map((p) => ({
      value: p.id,
      label: `${p.name}（${p.unit.name}${p.qualifications.length ? ` · ${p.qualifications.join('、')}` : ''}）`,
    }));
  return (
    <Drawer
      open={!!visit}
      onClose={onClose}
      title={visit?.firm.name}
      size="large"
      destroyOnHidden
      data-testid="visit-drawer"
    >
      {visit && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('inspections.plans.date')}>{visit.date}</Descriptions.Item>
            {plan.status === 'published' && (
              <Descriptions.Item label={t('inspections.plans.status')}>
                <Tag color={visitColor[visit.status]} data-testid="visit-drawer-status">
                  {t(`inspections.visitStatus.${visit.status}`)}
                </Tag>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('inspections.plans.departments')}>
              {visit.departments.map((d) => d.name).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.plans.team')}>
              {visit.inspectors.map((p) => `${p.name}（${p.unit}）`).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.plans.items')}>
              {visit.items.map((i) => `${i.name}（${i.unit}）`).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.plans.tasks')}>
              {visit.tasks.map((x) => x.name).join('、')}
            </Descriptions.Item>
          </Descriptions>
          {movable && (
            <Form form={form} name="visitMove" layout="vertical" onFinish={submit}>
              <Form.Item name="date" label={t('inspections.plans.date')}>
                <Select
                  showSearch
                  aria-label={t('inspections.plans.date')}
                  options={days.map((d) => ({ value: d, label: d }))}
                  data-testid="visit-date"
                />
              </Form.Item>
              <Form.Item name="inspectorIds" label={t('inspections.plans.team')}>
                <Select
                  mode="multiple"
                  optionFilterProp="label"
                  aria-label={t('inspections.plans.team')}
                  loading={inspectors.loading}
                  options={options}
                  data-testid="visit-team"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="visit-save">
                {t('inspections.plans.move')}
              </Button>
            </Form>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
