import type { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import {
  type CampaignUpdate,
  periodInOrder,
  periodIssue,
  quotaDomainsKnown,
  quotaIssue,
} from '../contracts-campaigns.js';
import { campaignView } from '../queries/campaigns.js';
import { ideaCampaigns } from '../schema.js';
import {
  codesInUse,
  lockCampaign,
  manage,
  refuseKindChange,
  refuseRemoved,
  refuseRemovedOptions,
  refuseRubricChange,
  settle,
} from './campaign-common.js';

type Input = { id: string; input: z.infer<typeof CampaignUpdate> };

const command = defineCommand({
  name: 'campaign.update',
  async load(ctx, _input: Input) {
    manage(ctx);
    return {};
  },
  async write(tx, _ctx, _loaded, { id, input }) {
    const before = await lockCampaign(tx, id);
    if (
      !periodInOrder({ startsOn: input.startsOn ?? before.startsOn, endsOn: input.endsOn ?? before.endsOn })
    )
      throw new AppError('VALIDATION', periodIssue.message, [
        { path: 'endsOn', message: periodIssue.message, code: 'period_order' },
      ]);
    if (
      !quotaDomainsKnown({ domains: input.domains ?? before.domains, shortlistQuota: input.shortlistQuota })
    )
      throw new AppError('VALIDATION', quotaIssue.message, [
        { path: 'shortlistQuota.byDomain', message: quotaIssue.message, code: 'unknown_domain' },
      ]);
    const inUse = await codesInUse(tx, id);
    refuseRemoved(before.domains, input.domains, inUse.domains, 'domains');
    refuseRemoved(before.rubric, input.rubric, inUse.criteria, 'rubric');
    refuseRubricChange(before.rubric, input.rubric, inUse.criteria);
    refuseRemoved(before.survey, input.survey, inUse.questions, 'survey');
    refuseKindChange(before.survey, input.survey, inUse.questions);
    await refuseRemovedOptions(tx, id, before.survey, input.survey);
    const [row] = await tx.update(ideaCampaigns).set(input).where(eq(ideaCampaigns.id, id)).returning();
    const view = campaignView(row!);
    return {
      result: view,
      audit: { entityType: 'campaign', entityId: id, before: campaignView(before), after: view },
    };
  },
});

/** Changes a campaign; codes that suggestions, scores or answers refer to stay. */
export async function updateCampaign(ctx: ServiceContext, id: string, input: z.infer<typeof CampaignUpdate>) {
  const after = await command.run(ctx, { id, input });
  settle(ctx, id);
  return after;
}
