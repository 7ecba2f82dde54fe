import { and, eq, ne } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { campaignView } from '../queries/campaigns.js';
import { ideaCampaigns } from '../schema.js';
import { manage, settle } from './campaign-common.js';

const command = defineCommand({
  name: 'campaign.makeCurrent',
  async load(ctx, _id: string) {
    manage(ctx);
    return {};
  },
  async write(tx, _ctx, _loaded, id) {
    const [row] = await tx.select().from(ideaCampaigns).where(eq(ideaCampaigns.id, id)).for('update');
    if (!row) throw notFound('campaign');
    const previous = await tx
      .update(ideaCampaigns)
      .set({ isCurrent: false })
      .where(and(eq(ideaCampaigns.isCurrent, true), ne(ideaCampaigns.id, id)))
      .returning({ id: ideaCampaigns.id });
    const [updated] = await tx
      .update(ideaCampaigns)
      .set({ isCurrent: true })
      .where(eq(ideaCampaigns.id, id))
      .returning();
    const view = campaignView(updated!);
    return {
      result: view,
      audit: {
        entityType: 'campaign',
        entityId: id,
        before: { current: previous.map((p) => p.id) },
        after: view,
      },
    };
  },
  after(ctx) {
    settle(ctx);
  },
});

/** Makes one campaign the current one (the public site and every queue follow it). */
export const makeCurrent = (ctx: ServiceContext, id: string) => command.run(ctx, id);
