import { Button, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { emptyUnlessFailed } from '../../../components/LoadFailed';
import { RowActionButton, rowAction } from '../../../components/rowActions';
import { useDownload } from '../../../components/useDownload';
import {
  domainLabel,
  formatDate,
  rejectReasonLabel,
  type StaffSuggestion,
  type SuggestionStatus,
  statusColor,
  suggestionStatuses,
  useCampaign,
  useLoad,
  useTowns,
} from '../shared';
import { BulkBar } from './BulkBar';
import { DuplicatesDrawer } from './DuplicatesDrawer';
import { ImportSuggestions } from './ImportSuggestions';
import { WrittenEntry } from './WrittenEntry';

interface Filters {
  q?: string;
  domain?: string;
  townId?: string;
  status?: SuggestionStatus;
  page: number;
  pageSize: number;
}

/** The screening queue: filter, look at near duplicates, accept, reject, merge or reclassify. */
export function ScreeningPage() {
  const { t } = useTranslation();
  const api = useApi();
  const campaignLoad = useCampaign();
  const { campaign } = campaignLoad;
  const townList = useTowns();
  const { towns } = townList;
  const [filters, setFilters] = useState<Filters>({ status: 'submitted', page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<StaffSuggestion[]>([]);
  const [open, setOpen] = useState<StaffSuggestion | null>(null);
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/ideas/suggestions', { params: { query: filters } })),
    [filters],
  );
  // Every page of what the filters show, as a workbook.
  const exported = useDownload(() => {
    const { page: _page, pageSize: _size, ...query } = filters;
    return api.GET('/api/v1/ideas/suggestions/export', { params: { query }, parseAs: 'blob' });
  }, 'suggestions.xlsx');
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 1 }));
  const done = () => {
    setSelected([]);
    void reload();
  };

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('ideas.screening.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('ideas.screening.intro')}</Typography.Text>
      </div>
      <Space wrap>
        <Input.Search
          aria-label={t('ideas.browse.search')}
          allowClear
          placeholder={t('ideas.browse.search')}
          onSearch={(q) => set({ q: q.trim() || undefined })}
          style={{ width: 220 }}
          data-testid="screening-search"
        />
        <Select
          aria-label={t('ideas.fields.status')}
          allowClear
          placeholder={t('ideas.fields.status')}
          value={filters.status}
          onChange={(status) => set({ status })}
          // Wide enough for the longest English value ("Awaiting screening") and placeholder.
          style={{ width: 190 }}
          data-testid="screening-status"
          options={suggestionStatuses.map((s) => ({ value: s, label: t(`ideas.status.${s}`) }))}
        />
        <Select
          aria-label={t('ideas.fields.domain')}
          allowClear
          placeholder={t('ideas.fields.domain')}
          onChange={(domain) => set({ domain })}
          style={{ width: 190 }}
          popupMatchSelectWidth={false}
          notFoundContent={emptyUnlessFailed(campaignLoad)}
          options={(campaign?.domains ?? []).map((d) => ({
            value: d.code,
            label: domainLabel(t, d.code, d.name),
          }))}
        />
        <Select
          aria-label={t('ideas.fields.town')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('ideas.fields.town')}
          onChange={(townId) => set({ townId })}
          style={{ width: 180 }}
          notFoundContent={emptyUnlessFailed(townList)}
          options={towns.map((u) => ({ value: u.id, label: u.name }))}
        />
        {/* What the server says this person may do here: a screener enters and imports nothing. */}
        {data?.actions.submitWritten && <WrittenEntry onCreated={done} />}
        {data?.actions.import && <ImportSuggestions onImported={done} />}
        <Button onClick={exported.download} loading={exported.busy} data-testid="screening-export">
          {t('ideas.screening.export')}
        </Button>
      </Space>
      {data?.actions.screen && (
        <BulkBar rows={selected} campaign={campaign} campaignLoad={campaignLoad} onDone={done} />
      )}
      <Table<StaffSuggestion>
        rowKey="id"
        size="small"
        loading={loading}
        // A failed load shows no rows of the filters before, and says it failed.
        dataSource={failed ? [] : (data?.items ?? [])}
        locale={{ emptyText: emptyUnlessFailed({ failed, reload }) }}
        scroll={{ x: 'max-content' }}
        rowSelection={{
          selectedRowKeys: selected.map((s) => s.id),
          onChange: (_, rows) => setSelected(rows.filter(Boolean)),
          // antd names these "Select all" and "Select row 3", in English and by number: each is
          // named here by the suggestion it selects, and the header one by what it selects.
          getTitleCheckboxProps: () => ({ 'aria-label': t('ideas.screening.selectPage') }),
          getCheckboxProps: (s) => ({ 'aria-label': rowAction(t, t('ideas.screening.select'), s.title) }),
        }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: failed ? 0 : (data?.total ?? 0),
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
        }}
        columns={[
          {
            title: t('ideas.fields.title'),
            dataIndex: 'title',
            render: (title: string, s) => (
              <Typography.Text ellipsis style={{ maxWidth: 320 }} title={s.body}>
                {title}
              </Typography.Text>
            ),
          },
          {
            title: t('ideas.fields.domain'),
            dataIndex: 'domain',
            render: (d: string, s) => (
              <Space size={4}>
                {domainLabel(t, d, s.domainName)}
                {!s.domainConfirmed && (
                  <Tag>{t('ideas.screening.confidence', { p: Math.round(s.domainConfidence * 100) })}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('ideas.fields.town'),
            dataIndex: 'townName',
            render: (name: string | null) => name ?? '—',
          },
          {
            title: t('ideas.fields.channel'),
            dataIndex: 'channel',
            render: (c: string) => t(`ideas.channel.${c}`),
          },
          {
            title: t('ideas.fields.status'),
            dataIndex: 'status',
            // A rejected row says why, so that a second screener can check the first one's call.
            render: (status: string, s) => (
              <Space size={4} data-testid={`status-${s.id}`}>
                <Tag color={statusColor[status]}>{t(`ideas.status.${status}`)}</Tag>
                {s.rejectReason && (
                  <Typography.Text type="secondary">{rejectReasonLabel(t, s.rejectReason)}</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('ideas.fields.contact'),
            // One who sent it signed in left no contact on it: they are told through their account.
            render: (_, s) =>
              [s.realName, s.phone].filter(Boolean).join(' ') ||
              (s.hasAuthorAccount ? t('ideas.screening.viaAccount') : '—'),
          },
          { title: t('ideas.fields.createdAt'), dataIndex: 'createdAt', render: formatDate },
          {
            // Pinned, so a row's way to its text and duplicates stays in view on a 1,280-pixel screen.
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_, s) => (
              <RowActionButton
                onClick={() => setOpen(s)}
                data-testid={`duplicates-${s.id}`}
                action={t('ideas.screening.duplicates')}
                row={s.title}
              />
            ),
          },
        ]}
      />
      <DuplicatesDrawer item={open} onClose={() => setOpen(null)} onDone={done} />
    </Flex>
  );
}
