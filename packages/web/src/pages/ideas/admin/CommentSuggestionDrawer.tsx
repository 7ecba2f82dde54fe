import { Descriptions, Drawer, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { Missing } from '../../../components/NotThere';
import { domainLabel, type StaffComment, statusColor, useLoad } from '../shared';

/**
 * The suggestion a comment is on, as staff read it, whatever the public site shows of it: a
 * comment can wait on a suggestion that is no longer (or not yet) public. The public page is
 * linked only when the suggestion is on it.
 */
export function CommentSuggestionDrawer({
  comment,
  onClose,
}: {
  comment: StaffComment | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const id = comment?.suggestionId ?? '';
  const { data, loading, problem, reload } = useLoad(
    async () =>
      id ? unwrap(await api.GET('/api/v1/ideas/suggestions/{id}', { params: { path: { id } } })) : null,
    [id],
    { notFoundOnPage: true },
  );
  // A failed load says so (or that the suggestion is gone), never an empty drawer.
  const failed = problem !== null && !loading;
  return (
    <Drawer
      open={comment !== null}
      onClose={onClose}
      title={comment?.suggestionTitle}
      size="large"
      destroyOnHidden
      data-testid="comment-suggestion"
    >
      {loading && !data && <Skeleton active />}
      {failed && <Missing loading={false} back={null} problem={problem} onRetry={() => void reload()} />}
      {data && !failed && (
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('ideas.fields.status')}>
              <Tag color={statusColor[data.status]}>{t(`ideas.status.${data.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('ideas.fields.town')}>{data.townName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('ideas.fields.domain')}>
              {domainLabel(t, data.domain, data.domainName)}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="comment-suggestion-body">
            {data.body}
          </Typography.Paragraph>
          {comment?.suggestionPublic ? (
            <Link to={`/ideas/${data.id}`} data-testid="comment-suggestion-public">
              {t('ideas.moderation.openPublic')}
            </Link>
          ) : (
            <Typography.Text type="secondary" data-testid="comment-suggestion-private">
              {t('ideas.moderation.notPublic')}
            </Typography.Text>
          )}
        </>
      )}
    </Drawer>
  );
}
