import { defineCommand } from '../../../kernel/command.js';
import { currentCampaign } from '../queries/campaigns.js';
import { ideasEngine } from '../text/engine.js';
import { holdDomain } from './domain-hold.js';
import {
  checkDomain,
  decide,
  decideEach,
  loadForScreening,
  reclassifiable,
  screenableFrom,
} from './screen-common.js';

/** Moves suggestions to another domain without deciding on them; the author is not notified. */
export const reclassifySuggestion = defineCommand({
  name: 'suggestion.reclassify',
  async load(ctx, input: { ids: string[]; domain: string }) {
    checkDomain(await currentCampaign(ctx.db), input.domain);
    return loadForScreening(ctx, input.ids, screenableFrom.reclassify);
  },
  async write(tx, _ctx, { campaign, rows }, input) {
    await holdDomain(tx, campaign.id, input.domain);
    // Allowed in any state but merged, acceptance included: a suggestion accepted meanwhile is
    // still moved, and its audit entry says from what.
    return decideEach(tx, rows, (row, held) =>
      decide(tx, row, held, { after: { domain: input.domain, domainConfirmed: true }, from: reclassifiable }),
    );
  },
  after(ctx, _result, { campaign }) {
    ideasEngine.scheduleRetrain(ctx.db, campaign);
  },
});
