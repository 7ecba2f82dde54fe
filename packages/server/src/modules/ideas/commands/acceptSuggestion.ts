import { defineCommand } from '../../../kernel/command.js';
import { currentCampaign } from '../queries/campaigns.js';
import { ideasEngine } from '../text/engine.js';
import { holdDomain } from './domain-hold.js';
import { checkDomain, decide, decideEach, loadForScreening, screenableFrom } from './screen-common.js';

/** 初步筛选: accepts submitted suggestions for review, optionally confirming another domain. */
export const acceptSuggestion = defineCommand({
  name: 'suggestion.accept',
  async load(ctx, input: { ids: string[]; domain?: string | undefined }) {
    checkDomain(await currentCampaign(ctx.db), input.domain);
    return {
      ...(await loadForScreening(ctx, input.ids, screenableFrom.accept)),
      domain: input.domain,
    };
  },
  async write(tx, _ctx, { campaign, rows }, input) {
    await holdDomain(tx, campaign.id, input.domain);
    // An acceptance confirms the domain the screener saw (or the one they chose over it): moved
    // to another meanwhile, the suggestion is refused rather than put back unseen.
    return decideEach(tx, rows, (row, held) =>
      decide(tx, row, held, {
        after: { status: 'accepted', domain: input.domain ?? row.domain, domainConfirmed: true },
        notice: { kind: 'accepted', params: {} },
        sameDomain: true,
      }),
    );
  },
  // A domain the screener chose teaches the classifier.
  after(ctx, _result, { campaign, domain }) {
    if (domain) ideasEngine.scheduleRetrain(ctx.db, campaign);
  },
});
