import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { ideaFollows, ideaParticipations, ideaSuggestions, ideaSupports } from '../schema.js';
import { ideasEngine } from '../text/engine.js';
import { refuseIfListed } from './list-holds.js';
import {
  decide,
  decideEach,
  loadForScreening,
  loadInScope,
  lockInOrder,
  mergeableInto,
  offShortlist,
  screenableFrom,
} from './screen-common.js';

const notInto = (status: string) =>
  new AppError('INVALID_STATE', 'cannot merge into this suggestion', [
    { path: 'into', message: status, code: 'not_mergeable_into', params: { status } },
  ]);

/** Supports and participations stay within a campaign: its counts and lists are its own. */
const otherCampaign = () =>
  new AppError('VALIDATION', 'the target is in another campaign', [
    { path: 'into', message: 'in another campaign', code: 'other_campaign' },
  ]);

/**
 * Merges near-duplicate suggestions into one (合并): their supports and participations follow
 * them, their authors are told which suggestion now carries theirs.
 */
export const mergeSuggestion = defineCommand({
  name: 'suggestion.merge',
  async load(ctx, input: { ids: string[]; into: string }) {
    const s = await loadForScreening(ctx, input.ids, screenableFrom.merge);
    const target = await loadInScope(ctx, input.into);
    if (target.campaignId !== s.campaign.id) throw otherCampaign();
    if (s.rows.some((r) => r.id === target.id) || !mergeableInto(target.status)) throw notInto(target.status);
    return s;
  },
  async write(tx, _ctx, { rows }, { ids, into }) {
    // The target is locked (with the merged ones, in one order, so two merges crossing wait for
    // each other instead of deadlocking) and checked again: merged elsewhere or rejected since
    // the checks, it would carry these suggestions' supports where nobody sees them.
    const locked = await lockInOrder(tx, [into, ...rows.map((r) => r.id)]);
    const target = locked.get(into);
    if (!target || !mergeableInto(target.status)) throw notInto(target?.status ?? 'gone');
    await refuseIfListed(tx, ids);
    const outcome = await decideEach(tx, rows, async (row, held) => {
      // The phone's hash goes along, so an anonymous supporter is the same person on the target;
      // a support the target already holds from the same account, phone, browser or address
      // (any of its unique keys) is not copied, so nobody is counted twice.
      await tx.execute(sql`
        insert into ${ideaSupports} (suggestion_id, user_id, fingerprint, address, phone_hash)
        select ${into}, user_id, fingerprint, address, phone_hash
        from ${ideaSupports} where suggestion_id = ${row.id}
        on conflict do nothing`);
      // Its followers and its signed-in author follow the target, so they hear of what comes of it.
      await tx.execute(sql`
        insert into ${ideaFollows} (suggestion_id, user_id)
        select ${into}::uuid, user_id from ${ideaFollows} where suggestion_id = ${row.id}
        union
        select ${into}::uuid, author_user_id from ${ideaSuggestions}
        where id = ${row.id} and author_user_id is not null
        on conflict do nothing`);
      await tx
        .update(ideaParticipations)
        .set({ suggestionId: into })
        .where(eq(ideaParticipations.suggestionId, row.id));
      await tx
        .update(ideaSuggestions)
        .set({ supports: sql`(select count(*)::int from ${ideaSupports} where suggestion_id = ${into})` })
        .where(eq(ideaSuggestions.id, into));
      return decide(tx, row, held, {
        after: { status: 'merged', mergedInto: into },
        notice: { kind: 'merged', params: { into } },
      });
    });
    await offShortlist(tx, rows);
    return outcome;
  },
  after(ctx, _result, { campaign, rows }) {
    ideasEngine.removed(
      ctx.db,
      campaign.id,
      rows.map((r) => r.id),
    );
  },
});
