import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { unitsByIds } from '../../units/api.js';
import type { FigureRow, Figures } from '../contracts-figures.js';
import { canInspect } from '../policy.js';
import { rectificationStage } from '../rectification-stage.js';
import {
  inspectionFindings,
  inspectionItems,
  inspectionPlans,
  inspectionVisitSources,
  inspectionVisits,
} from '../schema.js';

/** The firm's time to receive a team once (reception, documents, signing the record), in hours. */
export const receptionHours = 1;

type Counts = Pick<FigureRow, 'issues' | 'reported' | 'returned' | 'rectified' | 'overdue'>;

/**
 * One issue in its department's row: closed only once the department accepted it; a report
 * awaiting verification is no longer the firm's to do, so it is not overdue; a returned one is,
 * past its original due date.
 */
function countIssue(r: Counts, f: typeof inspectionFindings.$inferSelect, today: string) {
  r.issues++;
  const stage = rectificationStage(f);
  if (stage === 'verified') r.rectified++;
  else if (stage === 'reported') r.reported++;
  else {
    if (stage === 'returned') r.returned++;
    if (f.dueDate && f.dueDate < today) r.overdue++;
  }
}

const quarterOf = (date: string) => Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;

/**
 * A joint visit saves its firm the time of the separate visits it replaces: separately, each
 * department's share takes its own hours and one reception; jointly, the team's inspectors work
 * side by side, so the firm hosts them for the longest share and receives them once. The saving
 * is split equally among the visit's departments.
 */
export function hoursSaved(shares: readonly number[]): number {
  if (shares.length < 2) return 0;
  const separate = shares.reduce((s, h) => s + h + receptionHours, 0);
  return separate - (Math.max(...shares) + receptionHours);
}

/**
 * The year's figures per department and quarter, by the date of each completed visit: every
 * department's for the district office and supervisors, the caller's own departments' for the
 * rest of the staff (a joint visit still counts whole for each of its departments).
 */
export async function inspectionFigures(ctx: ServiceContext, year: number): Promise<Figures> {
  if (!canInspect(ctx.principal, 'plan.read')) throw forbidden();
  const all = canInspect(ctx.principal, 'figures.read');
  const visits = await ctx.db
    .select({ id: inspectionVisits.id, date: inspectionVisits.date })
    .from(inspectionVisits)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
    .where(
      and(
        eq(inspectionPlans.status, 'published'),
        eq(inspectionVisits.status, 'completed'),
        gte(inspectionVisits.date, `${year}-01-01`),
        lte(inspectionVisits.date, `${year}-12-31`),
      ),
    );
  const ids = visits.map((v) => v.id);
  if (ids.length === 0) return { year, receptionHours, rows: [] };
  const [sources, findings] = await Promise.all([
    ctx.db.select().from(inspectionVisitSources).where(inArray(inspectionVisitSources.visitId, ids)),
    ctx.db
      .select({
        visitId: inspectionFindings.visitId,
        finding: inspectionFindings,
        unitId: inspectionItems.unitId,
      })
      .from(inspectionFindings)
      .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionFindings.itemId))
      .where(and(inArray(inspectionFindings.visitId, ids), eq(inspectionFindings.result, 'issue'))),
  ]);
  const dateOf = new Map(visits.map((v) => [v.id, v.date]));
  const rows = new Map<string, Omit<FigureRow, 'unit' | 'jointShare'>>();
  const row = (unitId: string, visitId: string) => {
    const quarter = quarterOf(dateOf.get(visitId)!);
    const key = `${unitId}/${quarter}`;
    if (!rows.has(key))
      rows.set(key, {
        unitId,
        quarter,
        visits: 0,
        joint: 0,
        firmHoursSaved: 0,
        issues: 0,
        reported: 0,
        returned: 0,
        rectified: 0,
        overdue: 0,
      });
    return rows.get(key)!;
  };
  for (const id of ids) {
    // One department's hours on the visit: its shares of every task the visit carries.
    const hours = new Map<string, number>();
    for (const s of sources) if (s.visitId === id) hours.set(s.unitId, (hours.get(s.unitId) ?? 0) + s.hours);
    const saved = hoursSaved([...hours.values()]) / hours.size;
    for (const unitId of hours.keys()) {
      const r = row(unitId, id);
      r.visits++;
      if (hours.size > 1) r.joint++;
      r.firmHoursSaved += saved;
    }
  }
  const today = todayInChina();
  for (const { visitId, finding, unitId } of findings) {
    const r = row(unitId, visitId);
    countIssue(r, finding, today);
  }
  const units = await unitsByIds(
    ctx.db,
    [...rows.values()].map((r) => r.unitId),
  );
  const readable = (unitId: string) => {
    const unit = units.get(unitId);
    return all || (!!unit && canInspect(ctx.principal, 'figures.read', { unitPaths: [unit.path] }));
  };
  return {
    year,
    receptionHours,
    rows: [...rows.values()]
      .filter((r) => readable(r.unitId))
      .map((r) => ({
        ...r,
        unit: units.get(r.unitId)?.name ?? '',
        jointShare: r.visits ? r.joint / r.visits : 0,
        firmHoursSaved: Math.round(r.firmHoursSaved * 10) / 10,
      }))
      .sort((a, b) => a.quarter - b.quarter || a.unit.localeCompare(b.unit, 'zh-CN')),
  };
}
