import { Card, Descriptions, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/useUnits';
import { useSession } from '../../session/SessionContext';
import { UsersPerRoleChart } from './UsersPerRoleChart';
import { WaitingCard } from './WaitingCard';

/** Who the person is here: each role with the unit (and so the subtree) it covers. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { user, menu } = useSession();
  // The chart reads the accounts list: shown when the server's menu offers that list to this person.
  const mayListUsers = menu.some((entry) => entry.path === '/admin/users');
  const { units, loading, error: unitsFailed } = useUnits();
  const unitNames = useMemo(() => new Map(units.map((unit) => [unit.id, unit.name])), [units]);
  if (!user) return null;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('admin.overview.title')}
      </Typography.Title>
      <WaitingCard />
      <Card title={t('admin.overview.you')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('admin.overview.displayName')}>{user.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('admin.overview.login')}>{user.login}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('admin.overview.grants')}>
        {user.grants.length === 0 ? (
          <Empty description={t('admin.overview.noGrants')} />
        ) : (
          <Space orientation="vertical">
            {user.grants.map((grant) => (
              <span key={`${grant.role}:${grant.unitId}`}>
                <Tag color="red">{t(`common.roles.${grant.role}`)}</Tag>
                {/* A unit is named, never its id: a bar holds its place while the tree loads, and
                    a tree that could not be loaded is said to be so, not shown as a dash. */}
                {unitNames.has(grant.unitId) ? (
                  t('admin.overview.scope', { unit: unitNames.get(grant.unitId) })
                ) : loading ? (
                  <Skeleton.Input active size="small" />
                ) : unitsFailed ? (
                  <Typography.Text type="danger">{t('admin.overview.scopeFailed')}</Typography.Text>
                ) : (
                  t('admin.overview.scope', { unit: '—' })
                )}
              </span>
            ))}
          </Space>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('admin.overview.scopeHint')}
        </Typography.Paragraph>
      </Card>
      {mayListUsers && (
        <Card title={t('admin.overview.usersPerRole')}>
          <UsersPerRoleChart />
        </Card>
      )}
    </Space>
  );
}
