import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import type { TestContext } from '../../test-support/app.js';
import { updateCampaign } from './commands/updateCampaign.js';
import { ideaCampaigns } from './schema.js';

/**
 * The office's edits of a campaign's domains, for the races of a write into a domain with the
 * domain's removal: `fresh()` adds a domain no suggestion is in yet, so an edit may remove it;
 * `rest()` is the campaign's domains without it, and `removing()` edits the campaign to them.
 * A domain a race let a suggestion into stays, and the next test adds another.
 */
export function domainEdits(t: TestContext, officeCtx: ServiceContext, campaignId: string) {
  let serial = 0;
  let latest = '';
  const stored = async () =>
    (await t.database.db.select().from(ideaCampaigns).where(eq(ideaCampaigns.id, campaignId)))[0]!.domains;
  const rest = async () => (await stored()).filter((d) => d.code !== latest);
  return {
    async fresh() {
      latest = `housing${++serial}`;
      const domain = { code: latest, name: `住房${serial}`, description: '住房 小区 物业' };
      await updateCampaign(officeCtx, campaignId, { domains: [...(await stored()), domain] });
      return latest;
    },
    rest,
    removing: async () => updateCampaign(officeCtx, campaignId, { domains: await rest() }),
    codes: async () => (await stored()).map((d) => d.code),
  };
}
