import { forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ScorecardSettings } from '../contracts-scorecard.js';
import { canRequest } from '../policy.js';
import { scorecardSettings } from '../queries/scorecard.js';
import { businessScorecardSettings } from '../schema.js';

/** Sets the published scorecard's deadline, weights and tiers; every month is scored anew by them. */
export const updateScorecardSettings = defineCommand({
  name: 'scorecardSettings.update',
  async load(ctx, _input: ScorecardSettings) {
    if (!canRequest(ctx.principal, 'scorecard.configure', { townPath: '/' })) throw forbidden();
    return scorecardSettings(ctx.db);
  },
  async write(tx, _ctx, before, input) {
    const row = {
      id: 1,
      deadlineWorkdays: input.deadlineWorkdays,
      weightResponse: input.weights.response,
      weightResolution: input.weights.resolution,
      weightSatisfaction: input.weights.satisfaction,
      weightSurvey: input.weights.survey,
      goodFrom: input.goodFrom,
      poorBelow: input.poorBelow,
      ratingWorkdays: input.ratingWorkdays,
      updatedAt: new Date(),
    };
    await tx
      .insert(businessScorecardSettings)
      .values(row)
      .onConflictDoUpdate({ target: businessScorecardSettings.id, set: row });
    return {
      result: input,
      audit: { entityType: 'scorecardSettings', entityId: 'business', before, after: input },
    };
  },
});
