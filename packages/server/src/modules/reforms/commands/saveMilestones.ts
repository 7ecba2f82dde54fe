import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, type FieldError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ReformMilestonesInput, ReformProject } from '../contracts.js';
import { canReform } from '../policy.js';
import { type MilestoneRow, milestonesOf, type ProjectRow } from '../queries/lookup.js';
import { getProject, projectForReading } from '../queries/projects.js';
import { reformMilestones, reformReportItems, reformReports } from '../schema.js';
import { followState, tellFollowers } from './adoption-follow.js';
import { keepRemovedItems } from './keepRemovedItems.js';
import { holdersOver, tell } from './notify-common.js';
import { mayAtAll } from './project-common.js';
import { holdProject } from './project-hold.js';

/** What is wrong with a milestone plan for this project, field by field. */
function problemsOf(
  p: { row: ProjectRow },
  existing: Map<string, MilestoneRow>,
  input: ReformMilestonesInput,
) {
  const problems: FieldError[] = [];
  const kept = new Set<string>();
  input.milestones.forEach((m, k) => {
    if (m.id && !existing.has(m.id))
      problems.push({
        path: `milestones.${k}.id`,
        message: 'not a milestone of this project',
        code: 'not_found',
      });
    if (m.id && kept.has(m.id))
      problems.push({ path: `milestones.${k}.id`, message: 'listed twice', code: 'listed_twice' });
    if (m.id) kept.add(m.id);
    if (outsideProject(p.row, m.dueDate))
      problems.push({
        path: `milestones.${k}.dueDate`,
        message: `due within the project, ${p.row.startDate} to ${p.row.endDate}`,
        code: 'outside_project_period',
        params: { minimum: p.row.startDate, maximum: p.row.endDate },
      });
  });
  for (const m of existing.values())
    if (!kept.has(m.id) && m.done > 0)
      problems.push({
        path: 'milestones',
        message: `${m.name} has approved progress and stays`,
        code: 'milestone_has_progress',
        params: { value: m.name },
      });
  return problems;
}

const outsideProject = (row: ProjectRow, date: string) => date < row.startDate || date > row.endDate;

/**
 * Asked again holding the project's row: its dates may have moved since the checks (a change of
 * dates holds it too), and a due date then falls outside them.
 */
function refuseOutside(row: ProjectRow, input: ReformMilestonesInput) {
  const problems = problemsOf({ row }, new Map(), input).filter((e) => e.code === 'outside_project_period');
  if (problems.length) throw new AppError('VALIDATION', 'the milestone plan is invalid', problems);
}

/**
 * What of a plan only the reform office changes: a milestone added or removed, a due date or a
 * weight moved. The lead unit keeps the names and the order; a deadline it moved itself would
 * clear its own 滞后 status.
 */
function officeChanges(existing: Map<string, MilestoneRow>, input: ReformMilestonesInput) {
  const problems: FieldError[] = [];
  const office = (path: string) =>
    problems.push({ path, message: 'the reform office’s to change', code: 'office_only' });
  const kept = new Set<string>();
  input.milestones.forEach((m, k) => {
    const before = m.id ? existing.get(m.id) : undefined;
    if (!before) {
      office(`milestones.${k}`);
      return;
    }
    kept.add(before.id);
    if (m.dueDate !== before.dueDate) office(`milestones.${k}.dueDate`);
    if (m.weight !== before.weight) office(`milestones.${k}.weight`);
  });
  if ([...existing.keys()].some((id) => !kept.has(id))) office('milestones');
  return problems;
}

/** The milestones left out of a plan that a submitted report, waiting for review, speaks of. */
async function inReview(db: Db, existing: Map<string, MilestoneRow>, input: ReformMilestonesInput) {
  const kept = new Set(input.milestones.flatMap((m) => (m.id ? [m.id] : [])));
  const removed = [...existing.keys()].filter((id) => !kept.has(id));
  if (!removed.length) return [];
  const named = await db
    .selectDistinct({ milestoneId: reformReportItems.milestoneId })
    .from(reformReportItems)
    .innerJoin(reformReports, eq(reformReports.id, reformReportItems.reportId))
    .where(and(inArray(reformReportItems.milestoneId, removed), eq(reformReports.status, 'submitted')));
  return named.map((n) => existing.get(n.milestoneId)!);
}

/**
 * In the save's transaction: the project's milestones held, and refused as a conflict unless they
 * are still as the plan was checked against. A plan is sent whole, so saved over a change made
 * meanwhile it would write back the due date or weight the office had just moved, or remove a
 * milestone whose progress was approved in between.
 */
async function holdAsRead(tx: Tx, projectId: string, existing: Map<string, MilestoneRow>) {
  const held = await tx
    .select()
    .from(reformMilestones)
    .where(eq(reformMilestones.projectId, projectId))
    .for('update');
  const same = (m: MilestoneRow, was: MilestoneRow | undefined) =>
    !!was &&
    m.name === was.name &&
    m.weight === was.weight &&
    m.dueDate === was.dueDate &&
    m.done === was.done &&
    m.sort === was.sort;
  if (held.length !== existing.size || held.some((m) => !same(m, existing.get(m.id))))
    throw new AppError('CONFLICT', 'the milestone plan changed meanwhile; reload it', [
      { path: 'milestones', message: 'changed by someone else meanwhile', code: 'edited_meanwhile' },
    ]);
}

/** Refuses a plan leaving out a milestone that a submitted report waiting for review speaks of. */
async function refuseInReview(db: Db, existing: Map<string, MilestoneRow>, plan: ReformMilestonesInput) {
  const waiting = await inReview(db, existing, plan);
  if (waiting.length)
    throw new AppError(
      'INVALID_STATE',
      'a submitted report waiting for review speaks of a milestone left out',
      waiting.map((m) => ({
        path: 'milestones',
        message: `${m.name} is in a report waiting for review`,
        code: 'milestone_in_review',
        params: { value: m.name },
      })),
    );
}

/**
 * Replaces a project's milestone plan (the editor sends it whole): milestones with an id keep what
 * is done of them, new ones start at 0, and one left out is removed unless progress on it was
 * approved or a submitted report waiting for review speaks of it. What another report (a draft, a
 * returned one, an approved one) said of a removed milestone is kept with that report, marked as
 * of a removed milestone, never dropped. The reform office edits it all;
 * the project's lead unit renames and reorders its milestones.
 */
const command = defineCommand({
  name: 'reformMilestone.save',
  async load(ctx, input: { projectId: string; plan: ReformMilestonesInput }) {
    mayAtAll(ctx, 'project.edit');
    const p = await projectForReading(ctx, input.projectId);
    if (!canReform(ctx.principal, 'project.edit', p.resource)) throw forbidden();
    const existing = new Map((await milestonesOf(ctx.db, [p.row.id])).map((m) => [m.id, m]));
    const problems = problemsOf(p, existing, input.plan);
    if (problems.length) throw new AppError('VALIDATION', 'the milestone plan is invalid', problems);
    const office = officeChanges(existing, input.plan);
    if (!canReform(ctx.principal, 'project.assign', p.resource)) {
      if (office.length)
        throw new AppError(
          'FORBIDDEN',
          'only the reform office adds or removes milestones or changes a due date or a weight',
          office,
        );
    }
    // A report waiting for review would silently lose what it says of a removed milestone.
    await refuseInReview(ctx.db, existing, input.plan);
    // The lead unit hears of a plan the office changed (a milestone added or removed, a due date
    // or a weight moved): it reports against it.
    const told = office.length
      ? (await holdersOver(ctx.db, 'department_staff', p.lead.path)).filter(
          (id) => id !== ctx.principal!.userId,
        )
      : [];
    return { existing, told, name: p.row.name, office: office.length > 0 };
  },
  async write(tx, ctx, { existing, told, name, office }, { projectId, plan }) {
    // The project first, then its milestones, as a change of its dates takes them. The lead unit
    // may have been handed the project away since the checks.
    const held = await holdProject(tx, ctx, projectId);
    if (office && !canReform(ctx.principal, 'project.assign', held.resource)) throw forbidden();
    refuseOutside(held.row, plan);
    await holdAsRead(tx, projectId, existing);
    // Asked again with the plan held: a report naming a removed milestone may have been submitted.
    await refuseInReview(tx, existing, plan);
    const followed = await followState(tx, projectId);
    const now = new Date();
    const kept = new Set(plan.milestones.flatMap((m) => (m.id ? [m.id] : [])));
    const removed = [...existing.keys()].filter((id) => !kept.has(id));
    // What reports said of a removed milestone stays with them, marked, before the milestone goes.
    const keptInReports = await keepRemovedItems(
      tx,
      removed.map((id) => existing.get(id)!),
      ctx.principal!.userId,
      now,
    );
    if (removed.length) await tx.delete(reformMilestones).where(inArray(reformMilestones.id, removed));
    for (const [sort, m] of plan.milestones.entries()) {
      const values = { name: m.name, weight: m.weight, dueDate: m.dueDate, sort, updatedAt: now };
      if (m.id) await tx.update(reformMilestones).set(values).where(eq(reformMilestones.id, m.id));
      else await tx.insert(reformMilestones).values({ ...values, projectId });
    }
    // New weights move the progress: the followers of the suggestions it came from hear of it.
    await tellFollowers(tx, projectId, followed);
    await tell(tx, told, 'reforms.notice.planChanged', { projectId, projectName: name });
    const view = (m: Pick<MilestoneRow, 'name' | 'weight' | 'dueDate'> & { id?: string | undefined }) => ({
      id: m.id,
      name: m.name,
      weight: m.weight,
      dueDate: m.dueDate,
    });
    return {
      result: projectId,
      audit: [
        {
          entityType: 'reformProject',
          entityId: projectId,
          before: [...existing.values()].map(view),
          after: plan.milestones.map(view),
        },
        // Each report that kept an item has it in its own history too.
        ...keptInReports.map((k) => ({
          entityType: 'reformReport',
          entityId: k.reportId,
          before: { items: k.items },
          after: { removedItems: k.items },
        })),
      ],
    };
  },
});

export async function saveMilestones(
  ctx: ServiceContext,
  projectId: string,
  plan: ReformMilestonesInput,
): Promise<ReformProject> {
  return getProject(ctx, await command.run(ctx, { projectId, plan }));
}
