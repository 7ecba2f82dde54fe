import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { mayEver } from '../policy.js';
import { ideaActions } from '../schema.js';
import { adoptionActions, ideaActionActions } from '../staff-actions.js';
import { currentCampaign } from './campaigns.js';
import { unitIndex } from './lookup.js';
import { actionViews } from './public.js';

/** The campaign's adopted actions for the staff page, each saying whether the caller may report on it. */
export async function adoptedActions(ctx: ServiceContext) {
  if (!mayEver(ctx.principal, 'action.progress')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  const [views, units] = await Promise.all([
    actionViews(ctx.db, eq(ideaActions.campaignId, campaign.id)),
    unitIndex(ctx.db),
  ]);
  return {
    items: views.map((a) => ({
      ...a,
      actions: ideaActionActions(ctx.principal, a.status, units.get(a.ownerUnitId)?.path ?? ''),
    })),
    actions: adoptionActions(ctx.principal),
  };
}
