import type { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { CampaignExtension } from '../contracts-campaigns.js';
import { campaignView } from '../queries/campaigns.js';
import { ideaCampaigns } from '../schema.js';
import { lockCampaign, manage, settle } from './campaign-common.js';

type Input = { id: string; input: z.infer<typeof CampaignExtension> };

const command = defineCommand({
  name: 'campaign.extend',
  async load(ctx, _input: Input) {
    manage(ctx);
    return {};
  },
  async write(tx, _ctx, _loaded, { id, input }) {
    const before = await lockCampaign(tx, id);
    // An extension only moves the end later; shortening a period is an edit of the campaign.
    if (input.endsOn <= before.endsOn)
      throw new AppError('VALIDATION', `endsOn must be after ${before.endsOn}`, [
        {
          path: 'endsOn',
          message: `after ${before.endsOn}`,
          code: 'not_after_end',
          params: { endsOn: before.endsOn },
        },
      ]);
    const [row] = await tx
      .update(ideaCampaigns)
      .set({ endsOn: input.endsOn })
      .where(eq(ideaCampaigns.id, id))
      .returning();
    const view = campaignView(row!);
    return {
      result: view,
      audit: {
        entityType: 'campaign',
        entityId: id,
        before: { endsOn: before.endsOn },
        after: { endsOn: view.endsOn },
      },
    };
  },
});

/** Extends a campaign's period: the public's intake stays open until the new end. */
export async function extendCampaign(
  ctx: ServiceContext,
  id: string,
  input: z.infer<typeof CampaignExtension>,
) {
  const after = await command.run(ctx, { id, input });
  settle(ctx, id);
  return after;
}
