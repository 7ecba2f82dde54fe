import { Button, Drawer, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { operations } from '../../api/schema';
import { requestStatusValues } from '../../api/schema';
import { FIXED_PAGE_SIZE, fixedPaging } from '../../components/fixedPaging';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { useDownload } from '../../components/useDownload';
import { useLoad } from '../../components/useLoad';
import { useSession } from '../../session/SessionContext';
import { DueProvisionalTag } from './DueProvisional';
import { RequestCategoriesButton } from './RequestCategoriesButton';
import { RequestView } from './RequestView';
import { dueLabel, type RequestStatus, type RequestSummary, statusColor } from './requests';
import { ScorecardSettingsButton } from './ScorecardSettingsButton';
import { SupervisionPanel } from './SupervisionPanel';
import { useAddressedRequest } from './useAddressedRequest';

type Pending = 'extension' | 'appeal';

/** A status named in the address, if it is one. */
const requestStatusIn = (value: string | null): RequestStatus | undefined =>
  (requestStatusValues as readonly string[]).includes(value ?? '') ? (value as RequestStatus) : undefined;
type RequestFlag = NonNullable<NonNullable<operations['request.list']['parameters']['query']>['flag']>;

/**
 * 企业诉求办理: the office's routing desk and decisions, a department's inbox of the requests routed
 * to it with their due dates in working days, a supervisor's read-only view; what each may do on
 * a request comes with it from the server. A request opens in a drawer whose address is the
 * page's with `?request=<id>`.
 */
export function RequestsConsolePage() {
  const { t } = useTranslation();
  const api = useApi();
  const { can } = useSession();
  // A supervision figure's drill-down (department, flag, or the requests awaiting routing) or a
  // visit's request (title) comes in the address.
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState(() => requestStatusIn(params.get('status')));
  const [pending, setPending] = useState<Pending | undefined>();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState(() => params.get('q') ?? '');
  const departmentId = params.get('departmentId') ?? undefined;
  const flag = (params.get('flag') ?? undefined) as RequestFlag | undefined;
  const filters = {
    ...(departmentId ? { departmentId } : {}),
    ...(flag ? { flag } : {}),
    ...(status ? { status } : {}),
    ...(pending ? { pending } : {}),
    ...(q ? { q } : {}),
  };
  const query = { page, pageSize: FIXED_PAGE_SIZE, ...filters };
  const list = useLoad(
    async () => unwrap(await api.GET('/api/v1/business/requests', { params: { query } })),
    [query],
  );
  const reads = can('routing.accuracy');
  const accuracy = useLoad(
    async () => (reads ? unwrap(await api.GET('/api/v1/business/requests/routing-accuracy')) : null),
    [reads],
  );
  // Every request the filters find, not only this page, as the list's workbook.
  const exported = useDownload(
    () => api.GET('/api/v1/business/requests/export', { params: { query: filters }, parseAs: 'blob' }),
    'business-requests.xlsx',
  );
  // The drawer's request is in the address (a department's notice links to it). One routed
  // elsewhere since the list was read: the list is stale, not the click.
  const drawer = useAddressedRequest(() => void list.reload());
  const open = drawer.shown;

  return (
    <>
      <Typography.Title level={3}>{t('business.requests.title')}</Typography.Title>
      {(can('scorecard.configure') || can('category.manage')) && (
        <Space wrap style={{ marginBottom: 12 }}>
          {can('category.manage') && <RequestCategoriesButton />}
          {can('scorecard.configure') && <ScorecardSettingsButton />}
        </Space>
      )}
      {accuracy.data?.accuracy != null && (
        <Typography.Paragraph type="secondary" data-testid="routing-accuracy">
          {t('business.requests.accuracy', {
            rate: (accuracy.data.accuracy * 100).toFixed(1),
            kept: accuracy.data.kept,
            suggested: accuracy.data.suggested,
          })}
        </Typography.Paragraph>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('business.requests.titleField')}
          defaultValue={q}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          data-testid="request-search"
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('business.requests.allStatuses')}
          aria-label={t('business.requests.statusFilter')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={requestStatusValues.map((s) => ({ value: s, label: t(`business.requestStatus.${s}`) }))}
          data-testid="request-status-filter"
        />
        <Segmented<Pending | 'all'>
          value={pending ?? 'all'}
          onChange={(v) => {
            setPending(v === 'all' ? undefined : v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('business.requests.allPending') },
            { value: 'extension', label: t('business.requests.pendingExtensionFilter') },
            { value: 'appeal', label: t('business.requests.pendingAppealFilter') },
          ]}
        />
        <Button onClick={exported.download} loading={exported.busy} data-testid="request-export">
          {t('business.excel.export')}
        </Button>
      </Space>
      {(departmentId || flag) && (
        <Tag closable onClose={() => setParams({})} style={{ marginBottom: 12 }} data-testid="request-drill">
          {t('business.supervision.filtered', {
            what: [
              departmentId && list.data?.items[0]?.departmentName,
              flag && t(`business.supervision.flags.${flag}`),
            ]
              .filter(Boolean)
              .join(' · '),
          })}
        </Tag>
      )}
      <Table<RequestSummary>
        rowKey="id"
        // A row's request is being fetched: the table says so until its drawer opens.
        loading={list.loading || drawer.opening !== null}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: emptyUnlessFailed(list),
        }}
        pagination={fixedPaging({ page, total: list.data?.total ?? 0, onChange: setPage })}
        onRow={(r) => ({ onClick: () => drawer.open(r.id), style: { cursor: 'pointer' } })}
        // A department's staff open it on a phone too: the table scrolls, not the page.
        scroll={{ x: 'max-content' }}
        // Status and due next to the title, which wraps at a width: staff read these first, and
        // on a phone the table showed only the title and the firm before it had to scroll. The
        // category and department wait for a wider screen (the request's drawer shows them).
        columns={[
          {
            title: t('business.requests.titleField'),
            key: 'title',
            width: 220,
            // The row opens on a click; its title is the button a keyboard reaches it by, and
            // what a screen reader hears for it.
            render: (_, r) => (
              <Button
                type="link"
                style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                onClick={(e) => {
                  e.stopPropagation();
                  drawer.open(r.id);
                }}
              >
                {r.title}
              </Button>
            ),
          },
          {
            title: t('business.requests.status'),
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag color={statusColor[r.status]}>{t(`business.requestStatus.${r.status}`)}</Tag>
                {r.pendingExtension && <Tag color="purple">{t('business.requests.pendingExtension')}</Tag>}
                {r.pendingAppeal && <Tag color="purple">{t('business.requests.pendingAppeal')}</Tag>}
              </Space>
            ),
          },
          {
            // The answer's due date, or after a bad rating the rectification's.
            title: t('business.requests.deadlineColumn'),
            render: (_, r) => {
              const due = dueLabel(r);
              return due ? (
                <Space size={4} wrap>
                  <Tag color={due.color} data-testid="request-due">
                    {t(due.key, { days: due.days, count: due.days })}
                  </Tag>
                  <DueProvisionalTag request={r} />
                </Space>
              ) : (
                '—'
              );
            },
          },
          { title: t('business.requests.firm'), dataIndex: 'firmName', width: 200 },
          { title: t('business.requests.category'), dataIndex: 'categoryName', responsive: ['md'] },
          {
            title: t('business.requests.department'),
            responsive: ['md'],
            render: (_, r) =>
              r.departmentName ?? (r.suggestedDepartmentName ? `(${r.suggestedDepartmentName})` : '—'),
          },
        ]}
      />
      <Drawer open={!!open} width={640} onClose={drawer.close} destroyOnHidden title={open?.title}>
        {open && (
          <>
            <RequestView
              request={open}
              onChange={(r) => {
                drawer.update(r);
                void list.reload();
              }}
            />
            <SupervisionPanel requestId={open.id} />
          </>
        )}
      </Drawer>
    </>
  );
}
