import { Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { emptyUnlessFailed, LoadFailed } from '../../../components/LoadFailed';
import { type EventSuggestion, formatDate, statusColor, useCount, useLoad } from '../shared';

/**
 * The suggestions collected at an event, a page at a time. A title links to the suggestion's
 * public page where the site shows it; the others say they are not public.
 */
export function EventSuggestions({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const count = useCount();
  const api = useApi();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const { data, loading, failed, reload } = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/ideas/events/{id}/suggestions', {
          params: { path: { id: eventId }, query: page },
        }),
      ),
    ['event-suggestions', eventId, page],
  );
  // The first page shows a skeleton while it loads, never an empty table.
  if (!data && failed && !loading) return <LoadFailed onRetry={() => void reload()} />;
  if (!data) return <Skeleton active paragraph={{ rows: 4 }} />;
  return (
    <Table<EventSuggestion>
      rowKey="id"
      size="small"
      loading={loading}
      // Another page that failed shows none of this one's rows, and says it failed.
      dataSource={failed ? [] : data.items}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: emptyUnlessFailed({ failed, reload }, t('ideas.events.collectedNone')) }}
      data-testid="event-suggestions"
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: data.total,
        hideOnSinglePage: true,
        showTotal: (total) => t('common.total', { total: count(total) }),
        onChange: (p, pageSize) => setPage({ page: p, pageSize }),
      }}
      columns={[
        {
          title: t('ideas.fields.title'),
          dataIndex: 'title',
          render: (title: string, s) =>
            s.public ? (
              <Link to={`/ideas/${s.id}`}>{title}</Link>
            ) : (
              <span>
                {title} <Typography.Text type="secondary">{t('ideas.events.notPublic')}</Typography.Text>
              </span>
            ),
        },
        {
          title: t('ideas.fields.status'),
          dataIndex: 'status',
          render: (status: string) => <Tag color={statusColor[status]}>{t(`ideas.status.${status}`)}</Tag>,
        },
        { title: t('ideas.fields.town'), dataIndex: 'townName' },
        { title: t('ideas.fields.createdAt'), dataIndex: 'createdAt', render: formatDate },
      ]}
    />
  );
}
