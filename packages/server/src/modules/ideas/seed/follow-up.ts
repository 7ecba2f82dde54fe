import type { Random } from '@qianxing/core/random';
import { clusterTexts } from '@qianxing/core/text';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { audit, systemActor } from '../../../audit/audit.js';
import type { Tx } from '../../../db/transaction.js';
import { deliver } from '../../../kernel/notifications.js';
import { maskNumbersInText } from '../../../privacy.js';
import { unitBriefs } from '../../units/api.js';
import { holdersOf } from '../../users/api.js';
import {
  ideaActions,
  ideaActionUpdates,
  ideaListEntries,
  ideaLists,
  ideaReviews,
  ideaSuggestions,
  ideaTimeline,
} from '../schema.js';
import { demoRubric } from './demo-campaign.js';

/**
 * Reviews in progress, the golden and good ideas published, the hardest problems drafted from the
 * hot-problem clusters and awaiting the office's publication, and a few adopted actions.
 */
export async function seedIdeasFollowUp(tx: Tx, campaignId: string, rand: Random) {
  const experts = [...new Set((await holdersOf(tx, 'expert')).map((r) => r.id))];
  const top = await tx
    .select({
      id: ideaSuggestions.id,
      title: ideaSuggestions.title,
      body: ideaSuggestions.body,
      supports: ideaSuggestions.supports,
      trackingCode: ideaSuggestions.trackingCode,
      createdAt: ideaSuggestions.createdAt,
    })
    .from(ideaSuggestions)
    .where(and(eq(ideaSuggestions.campaignId, campaignId), eq(ideaSuggestions.status, 'accepted')))
    .orderBy(desc(ideaSuggestions.supports), ideaSuggestions.id)
    .limit(300);
  await seedReviews(tx, rand, top, experts);
  const lists = await tx
    .insert(ideaLists)
    .values(
      ['golden_idea', 'good_idea', 'hard_problem'].map((kind) => ({
        campaignId,
        kind: kind as 'golden_idea',
        publishedAt: kind === 'hard_problem' ? null : new Date('2026-11-20T10:00:00+08:00'),
      })),
    )
    .returning();
  const golden = top.slice(0, 10);
  const good = top.slice(10, 20);
  const entries: Array<typeof ideaListEntries.$inferInsert> = [
    ...golden.map((s, i) => ({
      listId: lists[0]!.id,
      rank: i + 1,
      suggestionId: s.id,
      title: s.title,
      citation: '立意高远，切实可行。',
    })),
    ...good.map((s, i) => ({
      listId: lists[1]!.id,
      rank: i + 1,
      suggestionId: s.id,
      title: s.title,
      citation: '贴近民生，操作性强。',
    })),
  ];
  const sample = await tx
    .select({
      id: ideaSuggestions.id,
      title: ideaSuggestions.title,
      body: ideaSuggestions.body,
      supports: ideaSuggestions.supports,
      createdAt: ideaSuggestions.createdAt,
    })
    .from(ideaSuggestions)
    // As the office's candidates: only what screening let through goes on an honour list.
    .where(
      and(
        eq(ideaSuggestions.campaignId, campaignId),
        inArray(ideaSuggestions.status, ['accepted', 'adopted']),
      ),
    )
    .orderBy(desc(ideaSuggestions.supports))
    .limit(1500);
  const hot = clusterTexts(
    sample.map((s) => ({ id: s.id, text: `${s.title}\n${s.body}`, time: s.createdAt, supports: s.supports })),
    { threshold: 0.5 },
  )
    .summaries()
    .slice(0, 10);
  entries.push(
    ...hot.map((c, i) => ({
      listId: lists[2]!.id,
      rank: i + 1,
      memberIds: c.memberIds.slice(0, 50),
      title: c.title,
      citation: `涉及${c.size}条建议：${c.keywords.join('、')}`,
    })),
  );
  const inserted = await tx.insert(ideaListEntries).values(entries).returning();
  const depts = (await unitBriefs(tx))
    .filter((u) => u.code.startsWith('QJ-D'))
    .sort((a, b) => a.code.localeCompare(b.code));
  const adopted = golden.slice(0, 5);
  if (adopted.length > 0 && depts.length > 0) await seedAdoptions(tx, campaignId, adopted, inserted, depts);
  await audit(tx, systemActor('seed'), {
    action: 'list.seedDemo',
    entityType: 'campaign',
    entityId: campaignId,
    after: { reviews: top.length, entries: entries.length, actions: adopted.length },
  });
}

/** The 300 most supported accepted suggestions shortlisted; three experts' blind reviews of them, seven in ten done. */
async function seedReviews(tx: Tx, rand: Random, top: Array<{ id: string }>, experts: string[]) {
  if (experts.length === 0 || top.length === 0) return;
  // The office shortlisted them for review (入围) before assigning experts.
  await tx
    .update(ideaSuggestions)
    .set({ shortlistedAt: new Date() })
    .where(
      inArray(
        ideaSuggestions.id,
        top.map((s) => s.id),
      ),
    );
  const reviews = top.flatMap((s, i) =>
    experts.slice(0, 3).map((expertId) => {
      const done = i < top.length * 0.7;
      const scores = Object.fromEntries(demoRubric.map((c) => [c.code, 4 + Math.floor(rand() * 7)]));
      const total = demoRubric.reduce((sum, c) => sum + c.weight * scores[c.code]!, 0);
      return {
        suggestionId: s.id,
        expertId,
        scores: done ? scores : null,
        total: done ? Math.round(total * 100) / 100 : null,
        comment: done ? '建议可行，需细化实施路径。' : null,
        submittedAt: done ? new Date() : null,
      };
    }),
  );
  for (let i = 0; i < reviews.length; i += 1000)
    await tx.insert(ideaReviews).values(reviews.slice(i, i + 1000));
}

/** Five golden ideas adopted as department tasks, two done, their authors told. */
async function seedAdoptions(
  tx: Tx,
  campaignId: string,
  adopted: Array<{ id: string; title: string; trackingCode: string }>,
  entries: Array<{ id: string }>,
  depts: Array<{ id: string }>,
) {
  const actions = await tx
    .insert(ideaActions)
    .values(
      adopted.map((s, i) => ({
        campaignId,
        suggestionId: s.id,
        entryId: entries[i]!.id,
        title: s.title,
        ownerUnitId: depts[i % depts.length]!.id,
        dueOn: '2027-06-30',
        status: i < 2 ? ('done' as const) : ('in_progress' as const),
        progress: i < 2 ? 100 : 40 + i * 10,
      })),
    )
    .returning();
  await tx.insert(ideaActionUpdates).values(
    actions.flatMap((a) => [
      {
        actionId: a.id,
        status: 'in_progress' as const,
        progress: 20,
        note: 'plan_approved',
        at: new Date('2026-11-23T09:00:00+08:00'),
      },
      {
        actionId: a.id,
        status: a.status,
        progress: a.progress,
        note: 'progress_reported',
        at: new Date('2026-12-01T09:00:00+08:00'),
      },
    ]),
  );
  await tx
    .update(ideaSuggestions)
    .set({ status: 'adopted' })
    .where(
      inArray(
        ideaSuggestions.id,
        adopted.map((s) => s.id),
      ),
    );
  await tx.insert(ideaTimeline).values(
    adopted.map((s, i) => ({
      suggestionId: s.id,
      kind: 'adopted',
      params: { actionId: actions[i]!.id },
    })),
  );
  await deliver(
    tx,
    adopted.map((s) => ({
      trackingCode: s.trackingCode,
      key: 'ideas.notice.adopted',
      // As notifyAll words it: the suggestion the inbox opens, its title masked as in lists.
      params: { suggestionId: s.id, title: maskNumbersInText(s.title) },
    })),
  );
}
