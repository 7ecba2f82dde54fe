import { Button, Card, Flex, Input, Popconfirm, Select, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { Chart } from '../../components/Chart';
import { useFeedback } from '../../components/Feedback';
import { FIXED_PAGE_SIZE, fixedPaging } from '../../components/fixedPaging';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { withNote } from '../../components/phrases';
import { useLoad } from '../../components/useLoad';
import { LiaisonProposalButton } from './LiaisonProposalButton';
import { LiaisonSettingsButton } from './LiaisonSettingsButton';
import { LiaisonVisitsDrawer } from './LiaisonVisitsDrawer';
import { type LiaisonState as State, VisitTag } from './LiaisonVisitTag';

type Row = components['schemas']['LiaisonRow'];
type Page = components['schemas']['LiaisonPage'];
const states: State[] = ['overdue', 'dueSoon', 'ok', 'unpaired'];

/** Firms and overdue firms per cadre, as bars: who carries what, and who is behind. */
function CadreChart({ data }: { data: Page }) {
  const { t } = useTranslation();
  const cadres = data.cadres.slice(0, 30);
  return (
    <Chart
      height={Math.max(220, 26 * cadres.length + 60)}
      ariaLabel={t('business.liaison.chart')}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [t('business.liaison.firms'), t('business.liaison.state.overdueShort')] },
        // The legend keeps its own band above the bars, and the axis makes room for the longest
        // cadre's name in either language instead of a fixed width.
        grid: { left: 8, right: 24, top: 40, bottom: 24, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: cadres.map((c) => c.name) },
        series: [
          {
            name: t('business.liaison.firms'),
            type: 'bar',
            data: cadres.map((c) => c.firms),
            color: '#1677ff',
          },
          {
            name: t('business.liaison.state.overdueShort'),
            type: 'bar',
            data: cadres.map((c) => c.overdue),
            color: '#cf1322',
          },
        ],
      }}
    />
  );
}

/**
 * 百名干部联千企: the office's view of every firm's cadre and visits (pairing, proposal, frequency,
 * reminders) and a cadre's own list of the firms paired with them, where they log visits. What
 * each may do comes with the list from the server.
 */
export function LiaisonPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [state, setState] = useState<State | undefined>();
  const [cadreId, setCadreId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Row | null>(null);
  const query = {
    page,
    pageSize: FIXED_PAGE_SIZE,
    ...(state ? { state } : {}),
    ...(cadreId ? { cadreId } : {}),
    ...(q ? { q } : {}),
  };
  const list = useLoad(
    async () => unwrap(await api.GET('/api/v1/business/liaison', { params: { query } })),
    [query],
  );
  const { data, loading, reload } = list;
  // A failed first load says so in the table; counts of 0 and a lasting "loading" would mislead.
  const failedBare = list.failed && !data;
  const remind = async () => {
    const sent = unwrap(await api.POST('/api/v1/business/liaison/reminders', { body: {} }));
    void message.success(t('business.liaison.reminded', sent));
  };
  const office = data?.actions.assign;
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('business.liaison.title')}</Typography.Title>
        <Typography.Text type="secondary">
          {data
            ? t(office ? 'business.liaison.introOffice' : 'business.liaison.introCadre', {
                days: data.settings.visitEveryDays,
                soon: data.settings.dueSoonDays,
              })
            : !failedBare && t('business.liaison.loading')}
        </Typography.Text>
      </div>
      <Flex gap={12} wrap>
        {/* A cadre's firms are all paired with them: "unpaired 0" would tell them nothing. */}
        {(['firms', ...states] as const)
          .filter((key) => !failedBare && (office || key !== 'unpaired'))
          .map((key) => (
            <Card key={key} size="small" style={{ minWidth: 140 }} loading={loading && !data}>
              <Statistic
                title={
                  key === 'firms' ? t('business.liaison.firms') : t(`business.liaison.state.${key}Short`)
                }
                value={data?.counts[key] ?? 0}
                styles={
                  key === 'overdue' && data?.counts.overdue ? { content: { color: '#a8071a' } } : undefined
                }
              />
            </Card>
          ))}
      </Flex>
      {data && (data.actions.assign || data.actions.configure || data.actions.remind) && (
        <Space wrap>
          {data.actions.assign && <LiaisonProposalButton onApplied={() => void reload()} />}
          {data.actions.configure && (
            <LiaisonSettingsButton settings={data.settings} onSaved={() => void reload()} />
          )}
          {data.actions.remind && (
            <Popconfirm title={t('business.liaison.remindConfirm')} onConfirm={() => void remind()}>
              <Button data-testid="liaison-remind">{t('business.liaison.remind')}</Button>
            </Popconfirm>
          )}
        </Space>
      )}
      {office && data && data.cadres.length > 0 && (
        <Card size="small" title={t('business.liaison.chart')}>
          <CadreChart data={data} />
        </Card>
      )}
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('business.liaison.search')}
          aria-label={t('business.liaison.search')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 240 }}
        />
        <Select<State>
          allowClear
          placeholder={t('business.liaison.filterState')}
          aria-label={t('business.liaison.filterState')}
          style={{ width: 180 }}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={states.map((s) => ({ value: s, label: t(`business.liaison.state.${s}Short`) }))}
          data-testid="liaison-state-filter"
        />
        {office && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('business.liaison.filterCadre')}
            aria-label={t('business.liaison.filterCadre')}
            style={{ width: 200 }}
            value={cadreId}
            onChange={(v) => {
              setCadreId(v);
              setPage(1);
            }}
            options={(data?.cadres ?? []).map((c) => ({
              value: c.id,
              label: withNote(t, c.name, c.unitName),
            }))}
          />
        )}
      </Space>
      <Table<Row>
        rowKey="firmId"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="liaison-table"
        locale={{
          emptyText: loading
            ? t('business.liaison.loading')
            : emptyUnlessFailed(list, t('business.liaison.none')),
        }}
        pagination={fixedPaging({ page, total: data?.total ?? 0, onChange: setPage })}
        columns={[
          {
            title: t('business.fields.name'),
            dataIndex: 'firmName',
            render: (name: string, row) => (
              <Typography.Link onClick={() => setOpen(row)} data-testid="liaison-open">
                {name}
              </Typography.Link>
            ),
          },
          { title: t('business.fields.town'), dataIndex: 'townName' },
          { title: t('business.fields.industry'), dataIndex: 'industryName' },
          {
            title: t('business.liaison.cadre'),
            dataIndex: 'cadreName',
            render: (v: string | null) => v ?? t('business.liaison.state.unpairedShort'),
          },
          {
            title: t('business.liaison.lastVisit'),
            dataIndex: 'lastVisitOn',
            render: (v: string | null) => v ?? t('business.liaison.never'),
          },
          {
            title: t('business.liaison.nextVisit'),
            key: 'due',
            render: (_: unknown, row) => <VisitTag row={row} />,
          },
        ]}
      />
      <LiaisonVisitsDrawer row={open} onClose={() => setOpen(null)} onLogged={() => void reload()} />
    </Flex>
  );
}
