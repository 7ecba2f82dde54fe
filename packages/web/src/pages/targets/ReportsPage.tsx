import { Button, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { useProblemHandler } from '../../components/useProblemHandler';
import { useSession } from '../../session/SessionContext';
import { quarterLabel, type ReportSummary, recentQuarters, statusColor, useLoad } from './shared';

/** Quarterly reports of a period: units open or start theirs; the office sees late and overdue ones. */
export function ReportsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const onProblem = useProblemHandler();
  const { user } = useSession();
  const [params] = useSearchParams();
  const planId = params.get('plan');
  const quarters = recentQuarters();
  const [period, setPeriod] = useState(quarters[1] ?? quarters[0]!);
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/targets/reports', { params: { query: { period } } })),
    [period],
  );
  // Approved plans of the quarter's year that this person reports for and has not started yet.
  const own = new Set(user?.grants.filter((g) => g.role === 'department_staff').map((g) => g.unitId) ?? []);
  const year = Number(period.slice(0, 4));
  const plans = useLoad(
    async () =>
      own.size > 0 || planId
        ? unwrap(await api.GET('/api/v1/targets/plans', { params: { query: { year, status: 'approved' } } }))
        : [],
    [year, planId, own.size],
  );
  // A quarter whose scorecard is published is frozen: the server takes no new report for it.
  const cards = useLoad(async () => unwrap(await api.GET('/api/v1/targets/scorecards')), []);
  const frozen = (cards.data ?? []).some((s) => s.period === period && s.status === 'published');
  const startable = frozen
    ? []
    : (plans.data ?? []).filter(
        (p) => (p.id === planId || own.has(p.unitId)) && !data?.items.some((r) => r.planId === p.id),
      );
  // Nothing listed: whether a report can be started here, or why not.
  const quarter = quarterLabel(t, period);
  const emptyText = frozen
    ? t('targets.reports.emptyPublished', { quarter })
    : startable.length > 0
      ? t('targets.reports.emptyCanStart', { quarter })
      : own.size > 0 && !plans.loading
        ? t('targets.reports.emptyNoPlan', { quarter, year })
        : t('targets.reports.empty', { quarter });
  const start = async (id: string) => {
    try {
      const report = unwrap(
        await api.POST('/api/v1/targets/reports', { body: { planId: id, period, values: [] } }),
      );
      void navigate(`/admin/targets/reports/${report.id}`);
    } catch (error) {
      onProblem(error);
    }
  };

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('targets.reports.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('targets.reports.intro')}</Typography.Text>
      </div>
      <Space wrap>
        <Select
          aria-label={t('targets.period')}
          data-testid="report-period"
          value={period}
          onChange={setPeriod}
          style={{ width: 140 }}
          options={quarters.map((q) => ({ value: q, label: quarterLabel(t, q) }))}
        />
        {frozen && (
          <Typography.Text type="secondary" data-testid="report-frozen">
            {t('targets.reports.frozen', { quarter })}
          </Typography.Text>
        )}
        {!loading &&
          startable.map((p) => (
            <Button key={p.id} type="primary" onClick={() => start(p.id)} data-testid="report-start">
              {t('targets.reports.start', { period: quarter, unit: p.unitName })}
            </Button>
          ))}
      </Space>
      <Table<ReportSummary>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: emptyUnlessFailed({ failed, reload }, emptyText) }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('targets.plans.unit'),
            dataIndex: 'unitName',
            render: (n, r) => <Link to={`/admin/targets/reports/${r.id}`}>{n}</Link>,
          },
          {
            title: t('targets.reports.period'),
            dataIndex: 'period',
            render: (q: string) => quarterLabel(t, q),
          },
          {
            title: t('targets.plans.status'),
            dataIndex: 'status',
            render: (s) => <Tag color={statusColor[s]}>{t(`targets.status.${s}`)}</Tag>,
          },
          { title: t('targets.reports.deadline'), dataIndex: 'deadline' },
          {
            title: t('targets.reports.late'),
            dataIndex: 'late',
            render: (late) => (late ? <Tag color="red">{t('targets.reports.lateTag')}</Tag> : null),
          },
          { title: t('targets.reports.values'), dataIndex: 'valueCount' },
        ]}
      />
      {(data?.overdue.length ?? 0) > 0 && (
        <>
          <Typography.Title level={5}>{t('targets.reports.overdue')}</Typography.Title>
          <Space wrap>
            {data?.overdue.map((o) => (
              <Tag key={o.planId} color="volcano">
                {o.unitName}
              </Tag>
            ))}
          </Space>
        </>
      )}
    </Flex>
  );
}
