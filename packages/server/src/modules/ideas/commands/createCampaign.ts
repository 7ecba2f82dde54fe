import type { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { CampaignInput } from '../contracts-campaigns.js';
import { campaignView } from '../queries/campaigns.js';
import { ideaCampaigns } from '../schema.js';
import { manage } from './campaign-common.js';

type Input = z.infer<typeof CampaignInput>;

const command = defineCommand({
  name: 'campaign.create',
  async load(ctx, input: Input) {
    manage(ctx);
    const [taken] = await ctx.db
      .select({ id: ideaCampaigns.id })
      .from(ideaCampaigns)
      .where(eq(ideaCampaigns.code, input.code));
    if (taken)
      throw new AppError('CONFLICT', 'the code is taken', [
        { path: 'code', message: 'taken', code: 'taken' },
      ]);
    return {};
  },
  async write(tx, _ctx, _loaded, input) {
    // The first campaign is current at once; later ones wait until the office switches.
    const [any] = await tx.select({ id: ideaCampaigns.id }).from(ideaCampaigns).limit(1);
    const [row] = await tx
      .insert(ideaCampaigns)
      .values({ ...input, isCurrent: !any })
      .returning();
    const after = campaignView(row!);
    return { result: after, audit: { entityType: 'campaign', entityId: row!.id, after } };
  },
});

/** Opens a campaign (大讨论): its theme, period, domains, rubric, channels and survey. */
export const createCampaign = (ctx: ServiceContext, input: Input) => command.run(ctx, input);
