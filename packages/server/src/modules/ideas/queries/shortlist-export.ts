import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { writeBook } from '../../../excel/workbook.js';
import { maskNumbersInText } from '../../../privacy.js';
import { mayEver } from '../policy.js';
import { currentCampaign } from './campaigns.js';
import { unitIndex } from './lookup.js';
import { reviewCounts, shortlistRows, shortlistTowns } from './shortlist.js';

type Locale = 'zh-CN' | 'en';

// The workbook is made on the server, so its labels live here (the page's are in the web i18n files).
const words = {
  sheet: ['入围名单', 'Shortlist'],
  title: ['建议', 'Suggestion'],
  domain: ['领域', 'Domain'],
  town: ['镇街', 'Town'],
  supports: ['支持数', 'Supports'],
  heat: ['同类热度', 'Group heat'],
  group: ['同类建议数', 'Similar suggestions'],
  rank: ['领域内名次', 'Place in domain'],
  proposal: ['建议方案', 'Proposal'],
  reviews: ['已评/已分配', 'Reviews done/assigned'],
  proposed: ['建议入围', 'Proposed'],
  same_group: ['同类已有代表', 'Group represented'],
  over_quota: ['超出名额', 'Over the quota'],
} as const satisfies Record<string, [string, string]>;

/** The shortlist in the caller's towns as a workbook, one row per shortlisted suggestion. */
export async function shortlistWorkbook(ctx: ServiceContext, locale: Locale): Promise<Buffer> {
  if (!mayEver(ctx.principal, 'review.shortlist')) throw forbidden();
  const at = locale === 'en' ? 1 : 0;
  const w = (k: keyof typeof words) => words[k][at];
  const campaign = await currentCampaign(ctx.db);
  const [all, towns, units] = await Promise.all([
    shortlistRows(ctx.db, campaign),
    shortlistTowns(ctx),
    unitIndex(ctx.db),
  ]);
  const rows = all.filter((r) => r.shortlisted && (!towns || towns.has(r.townId)));
  const counts = await reviewCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  const domainName = new Map(campaign.domains.map((d) => [d.code, d.name]));
  return writeBook([
    {
      name: w('sheet'),
      columns: [
        { key: 'title', header: w('title'), width: 48 },
        { key: 'domain', header: w('domain'), width: 14 },
        { key: 'town', header: w('town'), width: 12 },
        { key: 'supports', header: w('supports'), width: 10 },
        { key: 'heat', header: w('heat'), width: 10 },
        { key: 'group', header: w('group'), width: 12 },
        { key: 'rank', header: w('rank'), width: 12 },
        { key: 'proposal', header: w('proposal'), width: 14 },
        { key: 'reviews', header: w('reviews'), width: 16 },
      ],
      rows: rows.map((r) => ({
        title: maskNumbersInText(r.title),
        domain: domainName.get(r.domain) ?? r.domain,
        town: units.get(r.townId)?.name ?? '',
        supports: r.supports,
        heat: r.groupHeat,
        group: r.groupSize,
        rank: r.rank ?? '',
        proposal: w(r.reason),
        reviews: `${counts.get(r.id)?.done ?? 0}/${counts.get(r.id)?.assigned ?? 0}`,
      })),
    },
  ]);
}
