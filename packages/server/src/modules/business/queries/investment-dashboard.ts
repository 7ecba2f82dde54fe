import { investmentDashboard, landingTrend, stalledDays } from '@qianxing/core/business';
import { inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import type { InvestmentDashboard } from '../contracts-projects.js';
import { mayEverProject } from '../policy-projects.js';
import { stageDatesOf, stageEntries } from '../projects/lookup.js';
import { businessMarketEntities, businessProjectFunds } from '../schema.js';
import { projectSettings } from './project-settings.js';
import { projectRows } from './projects.js';

/** The district aims to cut the landing cycle by this much against the baseline year (%). */
export const landingTarget = 40;

export interface DashboardQuery {
  year?: number;
  through?: number;
  baselineYear?: number;
  by?: 'year' | 'quarter';
}

/**
 * The investment dashboard of the projects the actor reads: a year's months (by default this
 * year, to this month) with the year before, the landing-cycle trend against the baseline year
 * (by default the year before) and how many projects are stalled today.
 */
export async function dashboard(ctx: ServiceContext, q: DashboardQuery): Promise<InvestmentDashboard> {
  if (!mayEverProject(ctx.principal, 'project.dashboard')) throw forbidden();
  const today = todayInChina();
  const year = q.year ?? Number(today.slice(0, 4));
  const through = q.through ?? (year === Number(today.slice(0, 4)) ? Number(today.slice(5, 7)) : 12);
  const baselineYear = q.baselineYear ?? year - 1;
  const rows = await projectRows(ctx);
  const ids = rows.map((r) => r.id);
  const [entries, funds, entities, settings] = await Promise.all([
    stageEntries(ctx.db, ids),
    ids.length === 0
      ? Promise.resolve([])
      : ctx.db
          .select({ on: businessProjectFunds.receivedOn, amount: businessProjectFunds.amount })
          .from(businessProjectFunds)
          .where(inArray(businessProjectFunds.projectId, ids)),
    ctx.db
      .select({ month: businessMarketEntities.month, count: businessMarketEntities.count })
      .from(businessMarketEntities),
    projectSettings(ctx.db),
  ]);
  const dates = rows.map((r) => stageDatesOf(r, entries.get(r.id) ?? []));
  const figures = investmentDashboard(
    { signings: rows.map((r) => ({ signedOn: r.signedOn, amount: r.amount })), funds, entities },
    year,
    through,
  );
  const trend = landingTrend(dates, q.by ?? 'quarter', baselineYear);
  return {
    ...figures,
    landing: {
      baselineYear,
      baselineDays: trend.baselineDays,
      targetCut: landingTarget,
      periods: trend.periods,
    },
    stalled: dates.filter((d) => stalledDays(d, today, settings.stallDays) !== null).length,
  };
}
