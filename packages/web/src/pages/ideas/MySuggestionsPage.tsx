import { Card, Empty, Flex, List, Skeleton, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { LoadFailed } from '../../components/LoadFailed';
import { useSession } from '../../session/SessionContext';
import { ClaimForm } from './ClaimForm';
import { domainLabel, formatDate, statusColor, useLoad } from './shared';

type MySuggestion = components['schemas']['MySuggestion'];
type Tab = 'mine' | 'following';
const PAGE_SIZE = 10;

function Item({ s }: { s: MySuggestion }) {
  const { t } = useTranslation();
  const title = <span style={{ whiteSpace: 'normal' }}>{s.title}</span>;
  return (
    <Card size="small" data-testid="my-suggestion">
      <Flex vertical gap={6}>
        <Typography.Text strong>
          {s.shownInPublic ? <Link to={`/ideas/${s.id}`}>{title}</Link> : title}
        </Typography.Text>
        <Flex gap={8} wrap align="center">
          <Tag color={statusColor[s.status]} data-testid="my-suggestion-status">
            {t(`ideas.status.${s.status}`)}
          </Tag>
          {!s.shownInPublic && s.status === 'submitted' && (
            <Typography.Text type="secondary">{t('ideas.mine.notShown')}</Typography.Text>
          )}
        </Flex>
        <Typography.Text type="secondary">
          {domainLabel(t, s.domain, s.domainName)} · {s.townName ?? ''} · {formatDate(s.createdAt)} ·{' '}
          {t('ideas.supportCount.count', { count: s.supports })}
        </Typography.Text>
        {s.trackingCode && (
          <Typography.Text>
            {t('ideas.mine.trackingCode')}: <Typography.Text code>{s.trackingCode}</Typography.Text>{' '}
            <Link to={`/ideas/track/${s.trackingCode}`}>{t('ideas.mine.track')}</Link>
          </Typography.Text>
        )}
        {s.phone && (
          <Typography.Text type="secondary">
            {t('ideas.mine.phone')}: {s.phone}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

function Listing({ tab, version }: { tab: Tab; version: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const [page, setPage] = useState(1);
  const { data, loading, failed, reload } = useLoad(async () => {
    const query = { query: { page, pageSize: PAGE_SIZE } };
    return unwrap(
      tab === 'mine'
        ? await api.GET('/api/v1/me/suggestions', { params: query })
        : await api.GET('/api/v1/me/following', { params: query }),
    );
  }, [tab, page, version]);
  // A failed load says so, never grey bars for ever nor another page's list.
  if (failed && !loading) return <LoadFailed onRetry={() => void reload()} />;
  if (!data) return <Skeleton active />;
  if (data.total === 0)
    return <Empty description={t(tab === 'mine' ? 'ideas.mine.empty' : 'ideas.mine.emptyFollowing')} />;
  return (
    <List
      dataSource={data.items}
      rowKey="id"
      split={false}
      renderItem={(s) => (
        <List.Item style={{ padding: '4px 0' }}>
          <div style={{ width: '100%' }}>
            <Item s={s} />
          </div>
        </List.Item>
      )}
      pagination={
        data.total > PAGE_SIZE
          ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, size: 'small' }
          : false
      }
      header={
        <Typography.Text type="secondary">{t('ideas.mine.total', { count: data.total })}</Typography.Text>
      }
    />
  );
}

/** 我的建议: a citizen's or a firm's own suggestions with where each stands, those they follow, and attaching one sent signed out. */
export function MySuggestionsPage() {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  const [params, setParams] = useSearchParams();
  const [version, setVersion] = useState(0);
  const tab: Tab = params.get('tab') === 'following' ? 'following' : 'mine';
  if (loading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (!user) return <Navigate to="/login?next=%2Fideas%2Fmine" replace />;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 880, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
        {t('ideas.mine.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'following' ? { tab: key } : {}, { replace: true })}
        items={[
          { key: 'mine', label: t('ideas.mine.tabMine'), children: <Listing tab="mine" version={version} /> },
          {
            key: 'following',
            label: t('ideas.mine.tabFollowing'),
            children: <Listing tab="following" version={version} />,
          },
        ]}
      />
      <ClaimForm onClaimed={() => setVersion((v) => v + 1)} />
    </Flex>
  );
}

// The router loads this module as the route itself (its `Component`).
export { MySuggestionsPage as Component };
