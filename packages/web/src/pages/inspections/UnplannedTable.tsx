import { Descriptions, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { namedExpandIcon } from '../../components/RowExpandIcon';
import type { InspectionPlan } from './shared';

type Unplanned = InspectionPlan['unplanned'][number];

/**
 * The inspections a plan could not book, with the reason. On a phone only the firm and the
 * reason are columns; a row opens to its department and task.
 */
export function UnplannedTable({ unplanned, narrow }: { unplanned: Unplanned[]; narrow: boolean }) {
  const { t, i18n } = useTranslation();
  const reason = (u: Unplanned) => (
    <span data-testid="unplanned-reason">
      {t(`inspections.plans.unplannedCode.${u.code}`, {
        inspectors: new Intl.ListFormat(i18n.language).format(u.inspectors),
      })}
    </span>
  );
  const department = {
    title: t('inspections.plans.departments'),
    key: 'unit',
    render: (_: unknown, u: Unplanned) => u.unit.name,
  };
  const task = {
    title: t('inspections.plans.tasks'),
    key: 'task',
    render: (_: unknown, u: Unplanned) => u.task.name,
  };
  return (
    <Table
      size="small"
      rowKey={(u) => `${u.task.id}/${u.firm.id}/${u.unit.id}`}
      dataSource={unplanned}
      pagination={{ pageSize: 10, showSizeChanger: false }}
      expandable={
        narrow
          ? {
              expandIcon: namedExpandIcon(t, (u: Unplanned) => u.firm.name),
              expandedRowRender: (u) => (
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={department.title}>{u.unit.name}</Descriptions.Item>
                  <Descriptions.Item label={task.title}>{u.task.name}</Descriptions.Item>
                </Descriptions>
              ),
            }
          : undefined
      }
      columns={[
        { title: t('inspections.plans.firm'), key: 'firm', render: (_, u) => u.firm.name },
        ...(narrow ? [] : [department, task]),
        { title: t('inspections.plans.unplannedReason'), key: 'code', render: (_, u) => reason(u) },
      ]}
    />
  );
}
