import { pick, type Random } from '@qianxing/core/random';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/transaction.js';
import { authorKinds, ideaComments, ideaSuggestions, ideaSurveyResponses } from '../schema.js';
import { DEMO_STARTS_ON, demoSpanMs, demoSurvey } from './demo-campaign.js';

const commentTexts = [
  '赞成，早高峰确实很挤，希望尽快落实。',
  '支持这个建议，我们小区的老人也有同样的需要。',
  '建议再考虑一下周末和节假日的情况。',
  '这个问题我也反映过，希望有关部门重视。',
  '同意，最好能公布具体的时间表。',
  '补充一点：夜间也需要照明和安全保障。',
];

/**
 * Comments on suggestions (most published, some awaiting review, a few hidden) and answers to
 * the campaign's survey, each with its participation, spread over the campaign's weeks up to `now`.
 */
export async function seedEngagement(
  tx: Tx,
  campaignId: string,
  rand: Random,
  volume: { comments: number; surveyResponses: number },
  towns: string[],
  now: Date,
) {
  const suggestions = await tx
    .select({ id: ideaSuggestions.id, townId: ideaSuggestions.townId, createdAt: ideaSuggestions.createdAt })
    .from(ideaSuggestions)
    .where(
      and(
        eq(ideaSuggestions.campaignId, campaignId),
        inArray(ideaSuggestions.status, ['submitted', 'accepted', 'adopted']),
      ),
    )
    .orderBy(ideaSuggestions.createdAt)
    .limit(2000);
  const comments = Array.from({ length: Math.min(volume.comments, suggestions.length * 3) }, () => {
    const s = pick(rand, suggestions);
    const r = rand();
    const status = r < 0.7 ? 'published' : r < 0.95 ? 'pending' : 'hidden';
    return {
      campaignId,
      suggestionId: s.id,
      body: pick(rand, commentTexts),
      name: rand() < 0.4 ? pick(rand, ['张', '李', '王', '刘']) + pick(rand, ['明', '华', '芳']) : null,
      townId: s.townId,
      status: status as 'published' | 'pending' | 'hidden',
      reason: status === 'hidden' ? '与建议无关' : null,
      createdAt: new Date(
        Math.min(now.getTime(), s.createdAt.getTime() + Math.floor(rand() * 5 * 86_400_000)),
      ),
    };
  });
  for (let i = 0; i < comments.length; i += 1000)
    await tx.insert(ideaComments).values(comments.slice(i, i + 1000));
  const start = Date.parse(`${DEMO_STARTS_ON}T00:00:00+08:00`);
  const responses = Array.from({ length: volume.surveyResponses }, (_, i) => ({
    campaignId,
    townId: pick(rand, towns),
    authorKind: pick(rand, authorKinds),
    fingerprint: `demo-${i}`,
    answers: Object.fromEntries(
      demoSurvey.flatMap((q): Array<[string, string | string[]]> => {
        if (q.kind === 'single') return [[q.code, pick(rand, q.options)]];
        if (q.kind === 'multiple') return [[q.code, q.options.filter(() => rand() < 0.4)]];
        return rand() < 0.2 ? [[q.code, pick(rand, commentTexts)]] : [];
      }),
    ),
    createdAt: new Date(start + Math.floor(rand() * demoSpanMs(now))),
  }));
  for (let i = 0; i < responses.length; i += 1000)
    await tx.insert(ideaSurveyResponses).values(responses.slice(i, i + 1000));
  await tx.execute(sql`
    insert into idea_participations (campaign_id, kind, channel, town_id, suggestion_id, at)
    select campaign_id, 'comment', 'online', town_id, suggestion_id, created_at
    from idea_comments where campaign_id = ${campaignId}`);
  await tx.execute(sql`
    insert into idea_participations (campaign_id, kind, channel, town_id, author_kind, at)
    select campaign_id, 'survey', 'online', town_id, author_kind, created_at
    from idea_survey_responses where campaign_id = ${campaignId}`);
}
