import { Card, Empty, Flex, List, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { dayInChina } from '../../components/dayInChina';
import { LoadFailed } from '../../components/LoadFailed';
import { EntryMembers } from './EntryMembers';
import { listKinds, useLoad } from './shared';

/**
 * The published honour lists: 十大金点子, 十大好点子, 十大难题, each entry with its citation, and
 * a line for each entry the office withdrew since.
 */
export function ListsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/lists')),
    ['lists'],
  );
  if (loading) return <Skeleton active />;
  // A failed load is not "no list published yet".
  if (failed)
    return (
      <Flex vertical gap={16}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('ideas.lists.title')}
        </Typography.Title>
        <LoadFailed onRetry={() => void reload()} />
      </Flex>
    );
  const lists = listKinds.flatMap((kind) => (data ?? []).filter((l) => l.kind === kind));
  if (lists.length === 0) return <Empty description={t('ideas.lists.none')} />;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('ideas.lists.title')}
      </Typography.Title>
      {lists.map((list) => (
        <Card key={list.id} title={t(`ideas.listKind.${list.kind}`)} data-testid={`list-${list.kind}`}>
          <List
            dataSource={list.entries}
            renderItem={(e) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <span style={{ whiteSpace: 'normal' }}>
                      {e.rank}.{' '}
                      {e.suggestionId ? <Link to={`/ideas/${e.suggestionId}`}>{e.title}</Link> : e.title}
                    </span>
                  }
                  description={
                    e.memberIds.length > 0 ? (
                      <>
                        {e.citation}
                        <EntryMembers entry={e} />
                      </>
                    ) : (
                      e.citation
                    )
                  }
                />
              </List.Item>
            )}
          />
          {/* Withdrawn entries leave a line, not a silent gap: which rank, and when. */}
          {list.withdrawals.map((w) => (
            <Typography.Paragraph key={w.rank} type="secondary" style={{ margin: '8px 0 0' }}>
              {t('ideas.lists.withdrawnLine', { rank: w.rank, at: dayInChina(w.withdrawnAt) })}
            </Typography.Paragraph>
          ))}
        </Card>
      ))}
    </Flex>
  );
}
