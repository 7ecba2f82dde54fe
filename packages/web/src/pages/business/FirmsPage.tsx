import { Button, Drawer, Flex, Input, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useUnits } from '../../api/useUnits';
import { useFeedback } from '../../components/Feedback';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { listed } from '../../components/phrases';
import { RowActionButton } from '../../components/rowActions';
import { SecretModal } from '../../components/SecretModal';
import { useProblemHandler } from '../../components/useProblemHandler';
import { FirmDetails } from './FirmDetails';
import { FirmExcel, type FirmFilters } from './FirmExcel';
import { type FirmDraft, FirmFormModal } from './FirmFormModal';
import { FirmStaffModal } from './FirmStaffModal';
import { type Firm, type FirmSize, firmSizes, industryLabel, townKinds } from './shared';
import { useIndustries } from './useIndustries';

type Page = { total: number; items: Firm[]; actions: { create: boolean; import: boolean } };

/** 企业库: the firms of the office's streets and towns, found by name, code, industry, town and size. */
export function FirmsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const unitList = useUnits();
  const { units } = unitList;
  const industries = useIndustries();
  const towns = useMemo(() => units.filter((u) => townKinds.includes(u.kind)), [units]);
  const [filters, setFilters] = useState<FirmFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<Page>({ total: 0, items: [], actions: { create: false, import: false } });
  // Loading from the first paint, and failed when the last load did: an empty table is an answer.
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const [draft, setDraft] = useState<FirmDraft | null>(null);
  const [shown, setShown] = useState<Firm | null>(null);
  const [staffOf, setStaffOf] = useState<Firm | null>(null);
  const [link, setLink] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const query = { ...paging, ...filters };
      setData(unwrap(await api.GET('/api/v1/business/firms', { params: { query } })));
      setFailed(false);
    } catch (error) {
      setFailed(true);
      onProblem(error);
    } finally {
      setLoading(false);
    }
  }, [api, paging, filters, onProblem]);

  useEffect(() => {
    void load();
  }, [load]);

  const filter = (change: FirmFilters) => {
    setFilters((prev) => ({ ...prev, ...change }));
    setPaging((prev) => ({ ...prev, page: 1 }));
  };

  /** The list masks contacts: a firm is read whole before it is shown or edited. */
  const whole = async (firm: Firm, then: (whole: Firm) => void) => {
    try {
      then(unwrap(await api.GET('/api/v1/business/firms/{id}', { params: { path: { id: firm.id } } })));
    } catch (error) {
      onProblem(error);
    }
  };

  const columns: TableColumnsType<Firm> = [
    {
      title: t('business.fields.name'),
      key: 'name',
      render: (_, firm) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => whole(firm, setShown)}
        >
          {firm.name}
        </Button>
      ),
    },
    {
      title: t('business.fields.creditCode'),
      dataIndex: 'creditCode',
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('business.fields.industry'),
      key: 'industry',
      render: (_, f) => `${f.industryCode} ${f.industryName}`,
    },
    { title: t('business.fields.town'), dataIndex: 'townName' },
    {
      title: t('business.fields.size'),
      dataIndex: 'size',
      render: (s: FirmSize) => t(`business.sizes.${s}`),
    },
    {
      title: t('business.fields.contacts'),
      key: 'contacts',
      render: (_, f) =>
        listed(
          t,
          f.contacts.map((c) => `${c.name} ${c.phone}`),
        ) || '—',
    },
  ];
  // A reader who may change none of the firms shown (the commission) gets no empty column of
  // actions pinned over the table.
  if (data.items.some((f) => f.actions.update || f.actions.manageStaff))
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, firm) => (
        <Space size={0} wrap>
          {firm.actions.update && (
            <RowActionButton
              type="link"
              onClick={() => whole(firm, (f) => setDraft({ firm: f }))}
              action={t('common.edit')}
              row={firm.name}
            />
          )}
          {firm.actions.manageStaff && (
            <RowActionButton
              type="link"
              data-testid={`firm-staff-${firm.id}`}
              onClick={() => setStaffOf(firm)}
              action={t('business.firms.staff')}
              row={firm.name}
            />
          )}
        </Space>
      ),
    });

  return (
    <>
      <Typography.Title level={3}>{t('business.firms.title')}</Typography.Title>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('business.firms.search')}
          aria-label={t('business.firms.search')}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
          style={{ width: 260, maxWidth: '100%' }}
          data-testid="firm-search"
        />
        <Select<string>
          aria-label={t('business.firms.filterIndustry')}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('business.firms.filterIndustry')}
          options={industries.map((i) => ({ value: i.code, label: industryLabel(i, i18n.language) }))}
          onChange={(industry) => filter({ industry })}
          style={{ width: 220 }}
        />
        <Select<string>
          aria-label={t('business.firms.filterTown')}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('business.firms.filterTown')}
          options={towns.map((u) => ({ value: u.id, label: u.name }))}
          notFoundContent={emptyUnlessFailed(unitList)}
          onChange={(townId) => filter({ townId })}
          style={{ width: 160 }}
        />
        <Select<FirmSize>
          aria-label={t('business.firms.filterSize')}
          allowClear
          placeholder={t('business.firms.filterSize')}
          options={firmSizes.map((s) => ({ value: s, label: t(`business.sizes.${s}`) }))}
          onChange={(size) => filter({ size })}
          style={{ width: 120 }}
        />
        {data.actions.create && (
          <Button type="primary" data-testid="firm-create" onClick={() => setDraft({ firm: null })}>
            {t('business.firms.create')}
          </Button>
        )}
        <FirmExcel filters={filters} canImport={data.actions.import} onImported={() => void load()} />
      </Flex>
      <Typography.Paragraph type="secondary">{t('business.firms.maskedHint')}</Typography.Paragraph>
      <Table<Firm>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data.items}
        loading={loading}
        locale={{ emptyText: emptyUnlessFailed({ failed, reload: load, loading }) }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data.total,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      <FirmFormModal
        draft={draft}
        towns={towns}
        townsLoad={unitList}
        industries={industries}
        onClose={() => setDraft(null)}
        onSaved={() => {
          setDraft(null);
          void message.success(t('business.firms.saved'));
          void load();
        }}
      />
      <Drawer open={shown !== null} onClose={() => setShown(null)} title={shown?.name} size={560}>
        {shown && <FirmDetails firm={shown} />}
      </Drawer>
      <FirmStaffModal
        firm={staffOf}
        onClose={() => setStaffOf(null)}
        onInvited={(url) => {
          setStaffOf(null);
          setLink(url);
        }}
      />
      <SecretModal
        title={t('business.staff.linkShown')}
        secret={link}
        testId="firm-invite-link"
        onClose={() => setLink(null)}
      />
    </>
  );
}
