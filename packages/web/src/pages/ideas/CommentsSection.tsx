import { Card, Divider, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { LoadFailed } from '../../components/LoadFailed';
import { CommentForm } from './CommentForm';
import { formatDate, type SuggestionStatus, useLoad } from './shared';

/** The statuses a suggestion takes comments in (the server refuses the others). */
const open = new Set<SuggestionStatus>(['submitted', 'accepted', 'adopted']);

/** The published comments of a suggestion, oldest first, and the form to add one. */
export function CommentsSection({
  suggestionId,
  status,
}: {
  suggestionId: string;
  status: SuggestionStatus;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { data, loading, failed, reload } = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/public/suggestions/{id}/comments', { params: { path: { id: suggestionId } } }),
      ),
    [suggestionId, 'comments'],
  );
  // Until the comments are in, neither a count nor "none": grey bars, or that they failed to load.
  const shown = failed && !loading ? null : data;
  const comments = shown ?? [];
  return (
    <Card
      title={shown ? t('ideas.comments.title', { count: comments.length }) : t('ideas.comments.heading')}
      data-testid="comments"
    >
      <Flex vertical gap={12} data-testid="comment-list">
        {!shown &&
          (failed && !loading ? (
            <LoadFailed onRetry={() => void reload()} />
          ) : (
            <Skeleton active paragraph={{ rows: 2 }} />
          ))}
        {shown && comments.length === 0 && (
          <Typography.Text type="secondary">{t('ideas.comments.none')}</Typography.Text>
        )}
        {comments.map((c) => (
          <div key={c.id} data-testid="comment-item">
            <Typography.Text strong>{c.name ?? t('ideas.comments.anonymous')}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {formatDate(c.at)}
            </Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
              {c.body}
            </Typography.Paragraph>
          </div>
        ))}
      </Flex>
      <Divider />
      {open.has(status) ? (
        <CommentForm suggestionId={suggestionId} />
      ) : (
        <Typography.Text type="secondary">{t('ideas.comments.closed')}</Typography.Text>
      )}
    </Card>
  );
}
