import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { currentCampaign } from '../queries/campaigns.js';
import { ideasEngine } from '../text/engine.js';
import { refuseIfListed } from './list-holds.js';
import { decide, decideEach, loadForScreening, offShortlist, screenableFrom } from './screen-common.js';

/** Rejects suggestions with one of the campaign's reasons; they leave the near-duplicate index. */
export const rejectSuggestion = defineCommand({
  name: 'suggestion.reject',
  async load(ctx, input: { ids: string[]; reason: string }) {
    if (!(await currentCampaign(ctx.db)).rejectReasons.includes(input.reason))
      throw new AppError('VALIDATION', 'unknown reason', [
        { path: 'reason', message: 'not in the campaign list', code: 'not_in_campaign_list' },
      ]);
    return loadForScreening(ctx, input.ids, screenableFrom.reject);
  },
  async write(tx, _ctx, { rows }, input) {
    const params = { reason: input.reason };
    const outcome = await decideEach(tx, rows, (row, held) =>
      decide(tx, row, held, {
        after: { status: 'rejected', rejectReason: input.reason },
        notice: { kind: 'rejected', params },
      }),
    );
    await refuseIfListed(tx, input.ids);
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
