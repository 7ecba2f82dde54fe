import { Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { monthLabel, type ReformLateReport, type ReformReportSummary, reportColor, useLoad } from './shared';

type View = 'queue' | 'mine' | 'late';

/** Monthly reports: the reform office's review queue, every report the caller may read, and the late ones. */
export function ReportsPage() {
  const { t } = useTranslation();
  const api = useApi();
  // Until the first answer says whether the caller reviews, every report they may read.
  const [chosen, setView] = useState<View | null>(null);
  const view = chosen ?? 'mine';
  const { data, loading, failed, reload } = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/reforms/reports', {
          params: { query: view === 'queue' ? { status: 'submitted' } : {} },
        }),
      ),
    [view],
  );
  const reviews = data?.actions.review ?? false;
  // The office lands on its review queue.
  useEffect(() => {
    if (chosen === null && reviews) setView('queue');
  }, [chosen, reviews]);
  const views: View[] = reviews ? ['queue', 'mine', 'late'] : ['mine', 'late'];
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('reforms.reports.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('reforms.reports.intro')}</Typography.Text>
      </div>
      <Segmented
        value={view}
        onChange={(v) => setView(v as View)}
        options={views.map((v) => ({ value: v, label: t(`reforms.reports.${v}`) }))}
        data-testid="reports-view"
      />
      {view === 'late' ? (
        <Table<ReformLateReport>
          // A project owes one row for each month it has not reported.
          rowKey={(r) => `${r.projectId}:${r.period}`}
          size="small"
          loading={loading}
          dataSource={data?.late ?? []}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: emptyUnlessFailed({ failed, reload, loading }, t('reforms.reports.noneLate')),
          }}
          columns={[
            {
              title: t('reforms.reports.project'),
              key: 'project',
              render: (_, r) => <Link to={`/admin/reforms/projects/${r.projectId}`}>{r.projectName}</Link>,
            },
            { title: t('reforms.reports.leadUnit'), dataIndex: 'leadUnitName' },
            {
              title: t('reforms.reports.period'),
              dataIndex: 'period',
              render: (p: string) => monthLabel(t, p),
            },
            { title: t('reforms.reports.deadline'), dataIndex: 'deadline' },
            {
              title: t('reforms.reports.overdueFor'),
              dataIndex: 'workdaysLate',
              render: (days: number) => (
                <Tag color="red">{t('reforms.reports.workdaysLate', { days, count: days })}</Tag>
              ),
            },
          ]}
        />
      ) : (
        <Table<ReformReportSummary>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: emptyUnlessFailed({ failed, reload, loading }, t('reforms.reports.empty')),
          }}
          columns={[
            {
              title: t('reforms.reports.project'),
              key: 'project',
              render: (_, r) => (
                <Link to={`/admin/reforms/reports/${r.id}`} data-testid="report-link">
                  {r.projectName}
                </Link>
              ),
            },
            { title: t('reforms.reports.leadUnit'), dataIndex: 'leadUnitName' },
            {
              title: t('reforms.reports.period'),
              dataIndex: 'period',
              render: (p: string) => monthLabel(t, p),
            },
            {
              title: t('reforms.reports.status'),
              dataIndex: 'status',
              render: (s: string, r) => (
                <>
                  <Tag color={reportColor[s]}>{t(`reforms.reportStatuses.${s}`)}</Tag>
                  {r.late && <Tag color="red">{t('reforms.reports.lateTag')}</Tag>}
                </>
              ),
            },
            { title: t('reforms.reports.deadline'), dataIndex: 'deadline' },
          ]}
        />
      )}
    </Flex>
  );
}
