import { Button, Checkbox, Flex, Input, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { userRoles } from '../../session/roles';
import { useSession } from '../../session/SessionContext';
import { LedgerExcel } from './LedgerExcel';
import { ProjectFormModal } from './ProjectFormModal';
import {
  percent,
  pilotStatuses,
  progressColor,
  projectSources,
  projectStatuses,
  type ReformProjectSummary,
  statusColor,
  useLoad,
} from './shared';

/**
 * The ledger's column widths in pixels: together they fit the content area of a 1366-wide window
 * beside the menu (about 1110 px), the project's name taking what is left to it.
 */
export const widths = {
  code: 110,
  name: 290,
  list: 170,
  lead: 130,
  milestones: 80,
  progress: 150,
  status: 90,
  overdue: 80,
};
const ledgerWidth = Object.values(widths).reduce((a, b) => a + b, 0);

interface Filters {
  list?: string;
  status?: (typeof projectStatuses)[number];
  source?: (typeof projectSources)[number];
  pilot?: (typeof pilotStatuses)[number];
  mine?: 'true';
  q?: string;
}

/** The reform ledger (改革任务台账): filters, today's progress and status, Excel in and out, new projects. */
export function LedgerPage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const { user } = useSession();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const lists = useLoad(async () => unwrap(await api.GET('/api/v1/reforms/lists')), []);
  const { data, loading, failed, reload } = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/reforms/projects', { params: { query: { ...filters, page, pageSize } } }),
      ),
    [filters, page, pageSize],
  );
  const set = (change: Partial<Filters>) => {
    setFilters({ ...filters, ...change });
    setPage(1);
  };
  // What the caller may do on the ledger comes with it; only the filter of one's own projects asks the roles.
  const actions = data?.actions;
  const leads = userRoles(user).has('department_staff');
  const select = <K extends keyof Filters>(
    key: K,
    options: Array<{ value: string; label: string }>,
    width = 150,
  ) => (
    <Select
      aria-label={t(`reforms.ledger.${key}`)}
      allowClear
      placeholder={t(`reforms.ledger.${key}`)}
      style={{ width }}
      value={filters[key]}
      onChange={(v) => set({ [key]: v } as Partial<Filters>)}
      options={options}
      data-testid={`reforms-filter-${key}`}
    />
  );

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('reforms.ledger.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('reforms.ledger.intro')}</Typography.Text>
      </div>
      <Space wrap>
        {select(
          'list',
          (lists.data ?? []).map((l) => ({ value: l.id, label: l.name })),
          220,
        )}
        {select(
          'status',
          projectStatuses.map((s) => ({ value: s, label: t(`reforms.statuses.${s}`) })),
        )}
        {select(
          'source',
          projectSources.map((s) => ({ value: s, label: t(`reforms.sources.${s}`) })),
        )}
        {select(
          'pilot',
          pilotStatuses.map((s) => ({ value: s, label: t(`reforms.pilotStatuses.${s}`) })),
        )}
        <Input.Search
          aria-label={t('reforms.ledger.search')}
          allowClear
          placeholder={t('reforms.ledger.search')}
          onSearch={(q) => set({ q: q || undefined })}
          style={{ width: 220 }}
        />
        {leads && (
          <Checkbox
            checked={filters.mine === 'true'}
            onChange={(e) => set({ mine: e.target.checked ? 'true' : undefined })}
          >
            {t('reforms.ledger.mine')}
          </Checkbox>
        )}
      </Space>
      <Space wrap>
        <LedgerExcel
          canImport={actions?.import ?? false}
          onImported={() => void reload()}
          filters={filters}
        />
        {actions?.create && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="reforms-create">
            {t('reforms.ledger.create')}
          </Button>
        )}
      </Space>
      <Table<ReformProjectSummary>
        rowKey="id"
        size="small"
        loading={loading}
        // A failed load says so where the rows would be, never as an empty list.
        locale={{ emptyText: emptyUnlessFailed({ failed, reload, loading }) }}
        dataSource={data?.items ?? []}
        // Fits a 1366-wide window beside the menu; narrower, the table scrolls within itself with
        // the code and name held at the left, and the page itself never scrolls sideways.
        tableLayout="fixed"
        scroll={{ x: ledgerWidth }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: t('reforms.ledger.code'), dataIndex: 'code', width: widths.code, fixed: 'left' },
          {
            title: t('reforms.ledger.name'),
            key: 'name',
            width: widths.name,
            fixed: 'left',
            render: (_, p) => (
              <Space size={4} wrap>
                <Link to={`/admin/reforms/projects/${p.id}`}>{p.name}</Link>
                {/* A pilot's stage says it is the pilot's ("推进中" alone read as the project's progress). */}
                {p.pilotStatus && (
                  <Tag color="gold">
                    {p.pilotLevel
                      ? `${t(`reforms.pilotLevels.${p.pilotLevel}`)} · ${t(`reforms.pilotStatuses.${p.pilotStatus}`)}`
                      : t(`reforms.pilotStatuses.${p.pilotStatus}`)}
                  </Tag>
                )}
              </Space>
            ),
          },
          // Long list and unit names are cut with an ellipsis; the whole name shows on hover.
          { title: t('reforms.ledger.list'), dataIndex: 'listName', width: widths.list, ellipsis: true },
          {
            title: t('reforms.ledger.leadUnit'),
            dataIndex: 'leadUnitName',
            width: widths.lead,
            ellipsis: true,
          },
          {
            title: t('reforms.ledger.milestones'),
            key: 'milestones',
            width: widths.milestones,
            render: (_, p) => `${p.milestonesDone}/${p.milestones}`,
          },
          {
            title: t('reforms.ledger.progress'),
            key: 'progress',
            width: widths.progress,
            render: (_, p) => (
              <Progress
                aria-label={t('common.progressOf', { name: p.name })}
                percent={percent(p.progress)}
                strokeColor={progressColor(p.status)}
                size="small"
              />
            ),
          },
          {
            title: t('reforms.ledger.status'),
            dataIndex: 'status',
            width: widths.status,
            render: (s: ReformProjectSummary['status']) => (
              <Tag color={statusColor[s]}>{t(`reforms.statuses.${s}`)}</Tag>
            ),
          },
          {
            title: t('reforms.ledger.overdue'),
            dataIndex: 'overdueMilestones',
            width: widths.overdue,
            render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : null),
          },
        ]}
      />
      <ProjectFormModal
        open={creating}
        project={null}
        lists={lists.data ?? []}
        assign
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          void message.success(t('reforms.ledger.created'));
          void navigate(`/admin/reforms/projects/${id}`);
        }}
      />
    </Flex>
  );
}
