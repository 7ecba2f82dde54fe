import { seededRandom } from '@qianxing/core/random';
import { eq } from 'drizzle-orm';
import { audit, systemActor } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import { transaction } from '../../../db/transaction.js';
import { dueAfter } from '../../../kernel/deadlines.js';
import { draftPlan, savePlan } from '../commands/createPlan.js';
import { tellPlan } from '../commands/publishPlan.js';
import type { Source } from '../queries/plan-input.js';
import { type FindingResult, inspectionFindings, inspectionPlans, inspectionVisits } from '../schema.js';
import { demoWeek } from './demo-period.js';

/** What the demo's teams wrote: notes by finding, and rectification requirements for issues. */
const notes: Record<FindingResult, string[]> = {
  compliant: ['现场核查符合要求', '台账齐全，现场与记录一致', '抽查资料完整，未发现问题'],
  not_applicable: ['企业未开展该项业务', '该场所本期停业装修，不涉及此项'],
  issue: ['现场发现部分记录缺失', '部分设施未按规定维护', '相关证照已过有效期'],
};
const requirements = [
  '限期补齐相关台账记录，并报送整改情况',
  '更换过期消防器材，完善每月检查记录',
  '补办相关许可手续，整改完成前暂停相关经营活动',
  '完善安全生产责任制，组织从业人员培训并留存记录',
];
const deadlines = [5, 10, 15];

/** Eight firms, those checked by several departments first: a week of joint visits. */
function eightFirms(sources: Source[]): Source[] {
  const byFirm = new Map<string, Source[]>();
  for (const s of sources) byFirm.set(s.firmId, [...(byFirm.get(s.firmId) ?? []), s]);
  const firms = [...byFirm.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, 8);
  return firms.flatMap(([, s]) => s);
}

/**
 * A week of November published and visited: a plan of eight firms' joint visits, three of them done
 * with their findings (a few issues with rectification deadlines in working days, one already
 * rectified), one under way and the rest still to do, so that the inspectors' phones, the firms'
 * results and the code's page show something. Its firms' staff and its inspectors have the notices
 * its publication sent (`tellPlan`). The next plan stays a draft for the office.
 */
export async function seedVisitsDemo(
  ctx: ServiceContext,
  userOf: Map<string, string>,
  /** Drawn inspections this week may take: the draw left for the office to plan is not. */
  mayTake: (source: Source) => boolean,
): Promise<void> {
  const draft = await draftPlan(
    ctx.db,
    {
      ...demoWeek,
      maxHoursPerVisit: 4,
      inspectorsPerVisit: 2,
      capacityPerDay: 2,
    },
    (sources) => eightFirms(sources.filter(mayTake)),
  ).catch(() => null);
  if (!draft || draft.visits.length === 0) return;
  const rand = seededRandom(20261116);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const visits = [...draft.visits].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  await transaction(ctx.db, async (tx) => {
    const planId = await savePlan(tx, draft, { userId: null, isDemo: true });
    await tx
      .update(inspectionPlans)
      .set({ status: 'published', publishedAt: new Date('2026-11-09T10:00:00+08:00') })
      .where(eq(inspectionPlans.id, planId));
    // Its firms and inspectors were told as a publication tells them.
    const { told, inspectorsTold } = await tellPlan(tx, planId);
    let rectified = false;
    for (const [n, v] of visits.entries()) {
      if (n > 3) break;
      const by = userOf.get(v.inspectorIds[0]!) ?? null;
      const done = n < 3;
      const items = [...new Set(v.sources.flatMap((s) => s.itemIds))];
      const recorded = done ? items : items.slice(0, 1);
      await tx
        .update(inspectionVisits)
        .set({
          status: done ? 'completed' : 'started',
          startedAt: new Date(`${v.date}T09:30:00+08:00`),
          startedBy: by,
          completedAt: done ? new Date(`${v.date}T11:40:00+08:00`) : null,
          completedBy: done ? by : null,
        })
        .where(eq(inspectionVisits.id, v.id));
      for (const itemId of recorded) {
        const r = rand();
        const result: FindingResult = r < 0.3 ? 'issue' : r < 0.4 ? 'not_applicable' : 'compliant';
        const days = result === 'issue' ? pick(deadlines) : null;
        const fix: boolean = result === 'issue' && done && !rectified;
        rectified ||= fix;
        await tx.insert(inspectionFindings).values({
          visitId: v.id,
          itemId,
          result,
          note: pick(notes[result]),
          requirement: result === 'issue' ? pick(requirements) : null,
          deadlineDays: days,
          dueDate: days && done ? dueAfter(v.date, days) : null,
          recordedBy: by,
          rectifiedAt: fix ? new Date(`${dueAfter(v.date, 3)}T16:00:00+08:00`) : null,
          rectificationNote: fix ? '已按要求完成整改，相关记录已补齐并存档' : null,
        });
      }
    }
    await audit(tx, systemActor('seed'), {
      action: 'inspectionVisit.seedDemo',
      entityType: 'inspectionPlan',
      entityId: planId,
      after: { visits: visits.length, completed: Math.min(3, visits.length), told, inspectorsTold },
    });
  });
}
