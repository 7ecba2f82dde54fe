import { Card, Empty, Flex, Input, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { SuggestionReforms } from '../reforms/SuggestionReforms';
import { ActionCard } from './ActionCard';
import { formatDate, rejectReasonForAuthor, statusColor, useLoad } from './shared';

const CODE = /^[0-9A-Za-z]{10}$/;

/** One step of the timeline in the reader's language; a rejection says why when it was told. */
function timelineText(t: TFunction, e: { kind: string; params: Record<string, unknown> }): string {
  const reason = typeof e.params.reason === 'string' ? rejectReasonForAuthor(t, e.params.reason) : null;
  if (e.kind === 'rejected' && reason) return t('ideas.timeline.rejectedBecause', { reason });
  return t(`ideas.timeline.${e.kind}`, { defaultValue: e.kind, ...e.params });
}

/** A suggestion's way through the campaign, found by its tracking code. */
export function TrackPage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const valid = CODE.test(code);
  const { data, loading } = useLoad(
    async () =>
      valid ? unwrap(await api.GET('/api/v1/public/track/{code}', { params: { path: { code } } })) : null,
    [code],
  );
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('ideas.track.title')}
      </Typography.Title>
      <Input.Search
        defaultValue={code}
        placeholder={t('ideas.track.code')}
        enterButton={t('ideas.track.find')}
        onSearch={(v) => CODE.test(v.trim()) && navigate(`/ideas/track/${v.trim()}`)}
        style={{ maxWidth: 360 }}
      />
      {loading && valid && <Skeleton active />}
      {!loading && !data && <Empty description={t('ideas.track.none')} />}
      {data && (
        <>
          <Card
            size="small"
            title={
              data.shownInPublic ? (
                <Link to={`/ideas/${data.suggestion.id}`} style={{ whiteSpace: 'normal' }}>
                  {data.suggestion.title}
                </Link>
              ) : (
                <span style={{ whiteSpace: 'normal' }}>{data.suggestion.title}</span>
              )
            }
          >
            <Tag color={statusColor[data.suggestion.status]} data-testid="track-status">
              {t(`ideas.status.${data.suggestion.status}`)}
            </Tag>
            {!data.shownInPublic && data.suggestion.status === 'submitted' && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="track-awaiting">
                {t('ideas.track.awaitingScreening')}
              </Typography.Paragraph>
            )}
            <Timeline
              style={{ marginTop: 16 }}
              items={data.timeline.map((e) => ({
                key: `${e.kind}-${e.at}`,
                content: `${formatDate(e.at)} ${timelineText(t, e)}`,
              }))}
            />
          </Card>
          {data.actions.map((a) => (
            <ActionCard key={a.id} action={a} />
          ))}
          {data.suggestion.status === 'adopted' && <SuggestionReforms suggestionId={data.suggestion.id} />}
        </>
      )}
    </Flex>
  );
}
