import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { deliver } from '../../../kernel/notifications.js';
import { unitsByIds } from '../../units/api.js';
import { holdersOver } from '../../users/api.js';
import type { ScorecardResult } from '../contracts/scorecards.js';
import { splitQuarter } from '../queries/lookup.js';
import { loadPlan } from '../queries/plans.js';
import { loadReport } from '../queries/reports.js';

/** Who hears of a step taken on a unit's plan or report, and what the message names. */
export interface Audience {
  to: string[];
  params: Record<string, unknown>;
}

/** The enabled staff (department_staff) of each unit at these paths, or of a unit above it; by path. */
export const staffOver = (db: Db, paths: readonly string[]): Promise<Map<string, string[]>> =>
  holdersOver(db, 'department_staff', paths);

/** The unit's staff, told of a step on its plan: the message names the plan and its year. */
export async function planAudience(db: Db, id: string): Promise<Audience> {
  const { row, unit } = await loadPlan(db, id);
  const to = (await staffOver(db, [unit.path])).get(unit.path) ?? [];
  return { to, params: { planId: id, year: row.year, unit: unit.name } };
}

/** The unit's staff, told of a step on its quarterly report: the message names the report and its quarter. */
export async function reportAudience(db: Db, id: string): Promise<Audience> {
  const { row, unit } = await loadReport(db, id);
  const to = (await staffOver(db, [unit.path])).get(unit.path) ?? [];
  return { to, params: { reportId: id, ...quarterParams(row.period), unit: unit.name } };
}

/** A quarter as a message names it: 2026Q3, and its year and number for the words. */
const quarterParams = (period: string) => {
  const { year, quarter } = splitQuarter(period);
  return { period, year, q: quarter };
};

/** One message to each of the audience, in the transaction of the step it announces. */
export async function tellUnit(tx: Tx, audience: Audience, key: string, extra: Record<string, unknown> = {}) {
  await deliver(
    tx,
    audience.to.map((userId) => ({ userId, key, params: { ...audience.params, ...extra } })),
  );
}

/**
 * Tells the staff of every unit a published scorecard ranks (`targets.scorecard.published`),
 * once each, in the publication's transaction: the message names the quarter, whose leaderboard
 * it opens. The units it lists as unreported are not ranked and are not told.
 */
export async function tellPublished(tx: Tx, period: string, result: ScorecardResult): Promise<void> {
  const unitIds = result.categories.flatMap((c) => c.units.map((u) => u.unitId));
  const units = await unitsByIds(tx, unitIds);
  const paths = [...units.values()].map((u) => u.path);
  const staff = await staffOver(tx, paths);
  const to = [...new Set([...staff.values()].flat())];
  await deliver(
    tx,
    to.map((userId) => ({ userId, key: 'targets.scorecard.published', params: quarterParams(period) })),
  );
}
