import { defineCommand } from '../../../kernel/command.js';
import { currentCampaign } from '../queries/campaigns.js';
import { ideasEngine } from '../text/engine.js';
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
  async write(tx, _ctx, { rows }, input) {
    return decideEach(rows, (row) =>
      decide(
        tx,
        row,
        { status: 'accepted', domain: input.domain ?? row.domain, domainConfirmed: true },
        { kind: 'accepted', params: {} },
      ),
    );
  },
  // A domain the screener chose teaches the classifier.
  after(ctx, _result, { campaign, domain }) {
    if (domain) ideasEngine.scheduleRetrain(ctx.db, campaign);
  },
});
