import { Card, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../../api/schema';
import { AntdScope } from '../../components/AntdScope';
import { SuggestionReforms } from '../reforms/SuggestionReforms';
import { ActionCard } from './ActionCard';
import { formatDate, rejectReasonForAuthor, statusColor } from './shared';

type Tracked = components['schemas']['TrackResult'];

/** One step of the timeline in the reader's language; a rejection says why when it was told. */
function timelineText(t: TFunction, e: { kind: string; params: Record<string, unknown> }): string {
  const reason = typeof e.params.reason === 'string' ? rejectReasonForAuthor(t, e.params.reason) : null;
  if (e.kind === 'rejected' && reason) return t('ideas.timeline.rejectedBecause', { reason });
  return t(`ideas.timeline.${e.kind}`, { defaultValue: e.kind, ...e.params });
}

/**
 * A found suggestion's status, timeline, actions and what it became (antd), loaded by the
 * tracking page only when there is a code to show (TrackPage.tsx).
 */
export function TrackResult({ data }: { data: Tracked }) {
  const { t } = useTranslation();
  return (
    <AntdScope>
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
    </AntdScope>
  );
}
