import { Button, Flex, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { momentInChina } from '../../../components/dayInChina';
import { useFeedback } from '../../../components/Feedback';
import { emptyUnlessFailed, LoadedName, LoadFailed } from '../../../components/LoadFailed';
import { RowActionButton } from '../../../components/rowActions';
import { useProblemHandler } from '../../../components/useProblemHandler';
import {
  type CommentStatus,
  commentStatuses,
  type StaffComment,
  useCount,
  useLoad,
  useTowns,
} from '../shared';
import { CommentSuggestionDrawer } from './CommentSuggestionDrawer';
import { HideCommentModal } from './HideCommentModal';

interface Query {
  status: CommentStatus;
  page: number;
  pageSize: number;
}

/**
 * The comment moderation queue: comments wait here until a screener publishes them; hiding one
 * keeps its reason. The server limits an organiser to the comments on their own towns.
 */
export function CommentsPage() {
  const { t } = useTranslation();
  const count = useCount();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const towns = useTowns();
  const [query, setQuery] = useState<Query>({ status: 'pending', page: 1, pageSize: 20 });
  const [hiding, setHiding] = useState<StaffComment | null>(null);
  const [reading, setReading] = useState<StaffComment | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/ideas/comments', { params: { query } })),
    [query],
  );

  const publish = async (comment: StaffComment) => {
    setBusy(comment.id);
    try {
      unwrap(
        await api.POST('/api/v1/ideas/comments/{id}/moderate', {
          params: { path: { id: comment.id } },
          body: { decision: 'publish' },
        }),
      );
      void message.success(t('ideas.moderation.publishedNow'));
      void reload();
    } catch (error) {
      onProblem(error);
    } finally {
      setBusy(null);
    }
  };
  // A row's buttons say whose comment on which suggestion they act on.
  const commentName = (c: StaffComment) =>
    t('ideas.moderation.rowName', {
      author: c.name ?? t('ideas.comments.anonymous'),
      suggestion: c.suggestionTitle,
    });
  const hidden = () => {
    setHiding(null);
    void message.success(t('ideas.moderation.hiddenNow'));
    void reload();
  };

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('ideas.moderation.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('ideas.moderation.intro')}</Typography.Text>
      </div>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Segmented<CommentStatus>
          value={query.status}
          onChange={(status) => setQuery((q) => ({ ...q, status, page: 1 }))}
          data-testid="comments-status"
          options={commentStatuses.map((s) => ({
            value: s,
            label: <span data-testid={`comments-status-${s}`}>{t(`ideas.moderation.status.${s}`)}</span>,
          }))}
        />
        {data && !failed && (
          <Typography.Text type="secondary" data-testid="comments-total">
            {t('common.total', { total: count(data.total) })}
          </Typography.Text>
        )}
      </Flex>
      {/* The towns' names failed to load: said beside the table, each row's town says so. */}
      {towns.failed && !failed && <LoadFailed onRetry={() => void towns.reload()} />}
      <Table<StaffComment>
        rowKey="id"
        size="small"
        loading={loading}
        // A failed load shows no comments of another status, and says it failed.
        dataSource={failed ? [] : (data?.items ?? [])}
        locale={{ emptyText: emptyUnlessFailed({ failed, reload }) }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: failed ? 0 : (data?.total ?? 0),
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
        }}
        columns={[
          {
            title: t('ideas.moderation.suggestion'),
            dataIndex: 'suggestionTitle',
            // The suggestion opens beside the queue as staff read it: the public page shows
            // only suggestions the campaign publishes, and a comment may wait on any other.
            render: (title: string, c) => (
              <Button
                type="link"
                size="small"
                title={title}
                onClick={() => setReading(c)}
                data-testid={`comment-suggestion-${c.id}`}
                style={{ padding: 0, height: 'auto' }}
              >
                <Typography.Text ellipsis style={{ maxWidth: 200, color: 'inherit' }}>
                  {title}
                </Typography.Text>
              </Button>
            ),
          },
          {
            title: t('ideas.moderation.body'),
            dataIndex: 'body',
            render: (body: string) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxWidth: 360, margin: 0 }}>
                {body}
              </Typography.Paragraph>
            ),
          },
          {
            title: t('ideas.moderation.name'),
            dataIndex: 'name',
            render: (name: string | null) => name ?? t('ideas.comments.anonymous'),
          },
          {
            title: t('ideas.fields.town'),
            dataIndex: 'townId',
            render: (id: string) => <LoadedName name={towns.nameOf.get(id)} failed={towns.failed} />,
          },
          {
            title: t('ideas.moderation.at'),
            dataIndex: 'at',
            render: (at: string) => momentInChina(at),
          },
          ...(query.status === 'hidden'
            ? [{ title: t('ideas.moderation.reason'), dataIndex: 'reason' as const }]
            : []),
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_, c) => (
              <Space>
                {c.actions.publish && (
                  <RowActionButton
                    type="primary"
                    loading={busy === c.id}
                    onClick={() => publish(c)}
                    data-testid={`comment-publish-${c.id}`}
                    action={t('ideas.moderation.publish')}
                    row={commentName(c)}
                  />
                )}
                {c.actions.hide && (
                  <RowActionButton
                    danger
                    disabled={busy === c.id}
                    onClick={() => setHiding(c)}
                    data-testid={`comment-hide-${c.id}`}
                    action={t('ideas.moderation.hide')}
                    row={commentName(c)}
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
      <CommentSuggestionDrawer comment={reading} onClose={() => setReading(null)} />
      <HideCommentModal comment={hiding} onClose={() => setHiding(null)} onHidden={hidden} />
    </Flex>
  );
}
