import {
  Button,
  Descriptions,
  Flex,
  Popconfirm,
  Space,
  Table,
  type TableColumnType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { listed, period, withNote } from '../../components/phrases';
import { namedExpandIcon } from '../../components/RowExpandIcon';
import { RowActionButton } from '../../components/rowActions';
import { useProblemHandler } from '../../components/useProblemHandler';
import { useSession } from '../../session/SessionContext';
import { type InspectionTask, riskColor, statusColor, useLoad, when } from './shared';
import { TaskFormModal } from './TaskFormModal';

function TaskDetail({ task }: { task: InspectionTask }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('inspections.tasks.items')}>
          {listed(
            t,
            task.items.map((i) => i.name),
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('inspections.tasks.qualificationsAll')}>
          {listed(t, [
            ...new Set([
              ...task.items.flatMap((i) => (i.qualification ? [i.qualification] : [])),
              ...task.qualifications,
            ]),
          ]) || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('inspections.tasks.period')}>
          {period(t, task.periodStart, task.periodEnd)}
        </Descriptions.Item>
        <Descriptions.Item label={t('inspections.public.seedHash')}>
          {task.seedHash ? (
            <Typography.Text code copyable data-testid="task-seed-hash" style={{ wordBreak: 'break-all' }}>
              {task.seedHash}
            </Typography.Text>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('inspections.public.seed')}>
          {task.seed ? (
            <Typography.Text code copyable data-testid="task-seed" style={{ wordBreak: 'break-all' }}>
              {task.seed}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('inspections.public.seedHidden')}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      {task.visits.length > 0 && (
        <Table
          size="small"
          rowKey={(v) => v.firm.id}
          pagination={false}
          dataSource={task.visits}
          data-testid="task-visits"
          columns={[
            { title: t('inspections.public.firm'), key: 'firm', render: (_, v) => v.firm.name },
            {
              title: t('inspections.risk.title'),
              key: 'risk',
              render: (_, v) => <Tag color={riskColor[v.risk]}>{t(`inspections.risk.${v.risk}`)}</Tag>,
            },
            {
              title: t('inspections.public.team'),
              key: 'team',
              render: (_, v) =>
                listed(
                  t,
                  v.inspectors.map((p) => withNote(t, p.name, p.unit)),
                ),
            },
          ]}
        />
      )}
    </Flex>
  );
}

/** 双随机 tasks: define one, announce it (the seed's hash is published), draw it (the seed is revealed). */
export function TasksPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  // Supervisors read the tasks; the departments' staff and the district office define them.
  const { can } = useSession();
  const [expanded, setExpanded] = useState<string[]>([]);
  const tasks = useLoad(
    async () =>
      unwrap(await api.GET('/api/v1/inspections/tasks', { params: { query: { page, pageSize: 10 } } })),
    [page],
  );
  const { data, loading, reload } = tasks;
  const act = async (task: InspectionTask, action: 'announce' | 'draw' | 'delete') => {
    try {
      const path = { params: { path: { id: task.id } } };
      if (action === 'announce') unwrap(await api.POST('/api/v1/inspections/tasks/{id}/announce', path));
      else if (action === 'draw') unwrap(await api.POST('/api/v1/inspections/tasks/{id}/draw', path));
      else unwrap(await api.DELETE('/api/v1/inspections/tasks/{id}', path));
      void message.success(t(`inspections.tasks.done.${action}`));
      if (action !== 'delete') setExpanded((e) => [...new Set([...e, task.id])]);
      await reload();
    } catch (error) {
      onProblem(error);
    }
  };
  const rows = data?.items ?? [];
  const actionable = (task: InspectionTask) => task.allowed.length > 0;
  const actionsColumn: TableColumnType<InspectionTask> = {
    title: t('common.actions'),
    key: 'actions',
    fixed: 'right',
    render: (_, task) => (
      <Space>
        {task.allowed.includes('announce') && (
          <Popconfirm title={t('inspections.tasks.announceConfirm')} onConfirm={() => act(task, 'announce')}>
            <RowActionButton
              type="primary"
              data-testid="task-announce"
              action={t('inspections.tasks.announce')}
              row={task.title}
            />
          </Popconfirm>
        )}
        {task.allowed.includes('draw') && (
          <Popconfirm title={t('inspections.tasks.drawConfirm')} onConfirm={() => act(task, 'draw')}>
            <RowActionButton
              type="primary"
              data-testid="task-draw"
              action={t('inspections.tasks.draw')}
              row={task.title}
            />
          </Popconfirm>
        )}
        {task.allowed.includes('delete') && (
          <Popconfirm title={t('inspections.tasks.deleteConfirm')} onConfirm={() => act(task, 'delete')}>
            <RowActionButton danger action={t('inspections.tasks.delete')} row={task.title} />
          </Popconfirm>
        )}
      </Space>
    ),
  };
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('inspections.tasks.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('inspections.tasks.intro')}</Typography.Text>
      </div>
      {can('task.write') && (
        <div>
          <Button type="primary" onClick={() => setCreating(true)} data-testid="task-create">
            {t('inspections.tasks.create')}
          </Button>
        </div>
      )}
      <Table<InspectionTask>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: emptyUnlessFailed(tasks) }}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
          expandedRowRender: (task) => <TaskDetail task={task} />,
          expandIcon: namedExpandIcon(t, (task: InspectionTask) => task.title),
        }}
        pagination={{
          current: page,
          pageSize: 10,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t('inspections.tasks.name'), dataIndex: 'title' },
          // Beside the name: at desk size the pinned actions would cover a status further right.
          {
            title: t('inspections.tasks.status'),
            key: 'status',
            render: (_, task) => (
              <Tag color={statusColor[task.status]} data-testid="task-status">
                {t(`inspections.status.${task.status}`)}
              </Tag>
            ),
          },
          // Left of the wide columns too, on one line: at 1366 px, last in the row, the time sat
          // under the pinned actions.
          {
            title: t('inspections.public.announcedAt'),
            key: 'announcedAt',
            render: (_, task) => (
              <span style={{ whiteSpace: 'nowrap' }} data-testid="task-announced">
                {when(task.announcedAt)}
              </span>
            ),
          },
          {
            title: t('inspections.tasks.departments'),
            key: 'units',
            render: (_, task) => (
              <>
                {listed(
                  t,
                  task.units.map((u) => u.name),
                )}
                {task.units.length > 1 && <Tag style={{ marginLeft: 8 }}>{t('inspections.tasks.joint')}</Tag>}
              </>
            ),
          },
          {
            title: t('inspections.tasks.sample'),
            key: 'sample',
            render: (_, task) =>
              (['high', 'medium', 'low'] as const)
                .map((l) => `${t(`inspections.risk.${l}`)} ${task.sample[l]}`)
                .join(' · '),
          },
          // Pinned only when some row has an action for this reader: a supervisor's, or a page of
          // drawn tasks, would pin an empty column over the others.
          ...(rows.some(actionable) ? [actionsColumn] : []),
        ]}
      />
      <TaskFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void message.success(t('inspections.tasks.created'));
          void reload();
        }}
      />
    </Flex>
  );
}
