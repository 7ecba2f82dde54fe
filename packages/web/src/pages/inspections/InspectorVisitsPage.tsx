import { List, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { dayInChina } from '../../components/dayInChina';
import { LoadFailed } from '../../components/LoadFailed';
import { listed } from '../../components/phrases';
import { useSession } from '../../session/SessionContext';
import { useLoad, visitColor } from './shared';
import { cameFrom } from './visitBack';

/** 我的检查: an inspector's visits on a phone, those still to do first. */
export function InspectorVisitsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { user, loading: sessionLoading } = useSession();
  const list = useLoad(
    async () => (user ? unwrap(await api.GET('/api/v1/inspections/visits')) : null),
    [user?.id],
  );
  // A visit not started by the end of its day (Qianjiang's) is marked, not left as one to do.
  const today = dayInChina(new Date().toISOString());
  if (sessionLoading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (!user) return <Navigate to="/login?next=%2Finspections%2Fvisits" replace />;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {t('inspections.visits.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('inspections.visits.intro')}</Typography.Paragraph>
      <List
        loading={list.loading}
        locale={{
          emptyText: list.loading ? (
            <span />
          ) : list.failed ? (
            <LoadFailed onRetry={() => void list.reload()} />
          ) : (
            t('inspections.visits.empty')
          ),
        }}
        dataSource={list.data ?? []}
        renderItem={(v) => (
          <List.Item key={v.id} data-testid="inspector-visit">
            <Link
              to={`/inspections/visits/${v.id}`}
              state={cameFrom('/inspections/visits')}
              style={{ width: '100%' }}
            >
              <Typography.Text strong>{v.firm.name}</Typography.Text>
              <br />
              <Tag color={visitColor[v.status]}>{t(`inspections.visitStatus.${v.status}`)}</Tag>
              {v.status === 'planned' && v.date < today && (
                <Tag color="red" data-testid="visit-past-day">
                  {t('inspections.visits.pastDay')}
                </Tag>
              )}
              <Typography.Text type="secondary">
                {v.date} · {listed(t, v.departments)} ·{' '}
                {t('inspections.visits.progress', { recorded: v.recorded, total: v.itemCount })}
              </Typography.Text>
            </Link>
          </List.Item>
        )}
      />
    </div>
  );
}
