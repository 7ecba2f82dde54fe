import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { unitsByIds } from '../../units/api.js';
import type { ReformProject } from '../contracts.js';
import { periodIssue, type ReformProjectPatch } from '../contracts.js';
import { canReform, type ReformResource } from '../policy.js';
import type { ProjectRow } from '../queries/lookup.js';
import { getProject, projectForReading } from '../queries/projects.js';
import { reformProjects, reformProjectUnits } from '../schema.js';
import { followState, tellFollowers } from './adoption-follow.js';
import { assignmentNotices, tellUnits, unitStaff, unitsOf } from './assigned-notice.js';
import { renameInCases } from './case-common.js';
import { holdUnitsOf } from './held-parents.js';
import {
  checkCodeFree,
  checkLeadInScope,
  checkReferences,
  mayAtAll,
  refuseMilestonesOutside,
} from './project-common.js';
import { holdProject } from './project-hold.js';

/**
 * Fields only the reform office sets: where the project sits in the ledger, who leads it, and its
 * end date (a deadline the lead unit moved itself would clear its own 滞后 status).
 */
const assigned = [
  'code',
  'name',
  'listId',
  'source',
  'leadUnitId',
  'pilotLevel',
  'pilotStatus',
  'endDate',
] as const;

/** The fields of the patch that differ from the stored project. */
function changesOf(row: ProjectRow, patch: ReformProjectPatch) {
  const { coUnitIds: _units, ...fields } = patch;
  return Object.fromEntries(
    Object.entries(fields).filter(([k, v]) => v !== undefined && row[k as keyof ProjectRow] !== v),
  ) as Partial<Omit<ReformProjectPatch, 'coUnitIds'>>;
}

/**
 * Refuses a change that is the reform office's to make to anyone else. A start moved later takes
 * the months before it out of the reports due (逾期未报): the office's to decide, as the end date
 * is. Moved earlier, it only adds months to report.
 */
function refuseOfficeOnly(
  ctx: ServiceContext,
  row: ProjectRow,
  changes: ReturnType<typeof changesOf>,
  resource: ReformResource,
) {
  const later = changes.startDate !== undefined && changes.startDate > row.startDate;
  const officeOnly = [...assigned.filter((k) => k in changes), ...(later ? (['startDate'] as const) : [])];
  if (officeOnly.length && !canReform(ctx.principal, 'project.assign', resource))
    throw new AppError(
      'FORBIDDEN',
      'only the reform office changes the list, code, name, source, lead unit, pilot or end date, or moves the start later',
      officeOnly.map((k) => ({ path: k, message: 'the reform office’s to change', code: 'office_only' })),
    );
}

/**
 * Refuses a project whose end comes before its start, or a pilot with a level and no status (or
 * the reverse): the patch's own fault (VALIDATION), or, at the write, that of the patch and what
 * another edit stored meanwhile (CONFLICT, as the table's checks would otherwise fail it).
 */
function refuseInconsistent(merged: ProjectRow, kind: 'VALIDATION' | 'CONFLICT') {
  if (merged.endDate < merged.startDate)
    throw new AppError(kind, periodIssue.message, [
      { path: 'endDate', message: periodIssue.message, code: 'period_order' },
    ]);
  if ((merged.pilotLevel === null) !== (merged.pilotStatus === null))
    throw new AppError(kind, 'a pilot has a level and a status', [
      { path: 'pilotStatus', message: 'level and status go together', code: 'pilot_pair' },
    ]);
}

/**
 * Changes a project. Its lead unit edits the goal, the co-units and an earlier start of its own
 * projects; the list, code, name, source, lead unit, pilot, end date and a later start are the
 * reform office's.
 */
const command = defineCommand({
  name: 'reformProject.update',
  async load(ctx, input: { id: string; patch: ReformProjectPatch }) {
    mayAtAll(ctx, 'project.edit');
    const p = await projectForReading(ctx, input.id);
    if (!canReform(ctx.principal, 'project.edit', p.resource)) throw forbidden();
    const changes = changesOf(p.row, input.patch);
    refuseOfficeOnly(ctx, p.row, changes, p.resource);
    const units = await checkReferences(ctx.db, {
      listId: changes.listId,
      leadUnitId: changes.leadUnitId,
      coUnitIds: input.patch.coUnitIds,
    });
    if (changes.leadUnitId) checkLeadInScope(ctx, 'project.assign', units.get(changes.leadUnitId)!);
    const merged = { ...p.row, ...changes };
    refuseInconsistent(merged, 'VALIDATION');
    // Milestones fall due within the project: dates moved past one would leave a plan the lead
    // unit can no longer save (its due dates are the office's to move) and a milestone due after
    // the project ended. The office moves the milestone first.
    if (changes.startDate !== undefined || changes.endDate !== undefined)
      await refuseMilestonesOutside(ctx.db, p.row.id, merged);
    if (changes.code) await checkCodeFree(ctx.db, changes.code, p.row.id);
    if (input.patch.coUnitIds?.includes(merged.leadUnitId))
      throw new AppError('VALIDATION', 'the lead unit cannot also be a co-unit', [
        { path: 'coUnitIds', message: 'the lead unit itself', code: 'lead_unit_as_co_unit' },
      ]);
    // The units hear of what was decided for them: a project given to a unit to lead, a new
    // deadline, a unit made a co-unit.
    const was = {
      leadUnitId: p.row.leadUnitId,
      endDate: p.row.endDate,
      coUnitIds: p.coUnits.map((u) => u.id),
    };
    const is = {
      id: p.row.id,
      name: merged.name,
      leadUnitId: merged.leadUnitId,
      endDate: merged.endDate,
      // A co-unit made the lead is no longer its own co-unit (as written below).
      coUnitIds: input.patch.coUnitIds ?? was.coUnitIds.filter((u) => u !== merged.leadUnitId),
    };
    const notices = assignmentNotices(was, is, await unitStaff(ctx.db, ctx.principal!.userId, unitsOf(is)));
    return { before: p, notices };
  },
  async write(tx, ctx, { before, notices }, { id, patch }) {
    // Asked again holding the project, of the project as it now stands: the office may have
    // handed it to another unit or moved its dates (a start the lead unit moves is then perhaps
    // a later one, the office's), and a milestone plan saved since the checks may fall outside
    // the new dates.
    const held = await holdProject(tx, ctx, id);
    const changes = changesOf(held.row, patch);
    refuseOfficeOnly(ctx, held.row, changes, held.resource);
    // The new lead unit in the office's scope, asked of what changes from the project held (a
    // unit the checks saw as its lead already may no longer be) and of the unit as it now sits
    // in the tree (it may have moved out of the scope since).
    // The units it names held until the edit commits: one deleted since the checks is refused.
    await holdUnitsOf(tx, { leadUnitId: changes.leadUnitId, coUnitIds: patch.coUnitIds });
    if (changes.leadUnitId)
      checkLeadInScope(
        ctx,
        'project.assign',
        (await unitsByIds(tx, [changes.leadUnitId])).get(changes.leadUnitId)!,
      );
    refuseInconsistent({ ...held.row, ...changes }, 'CONFLICT');
    if (changes.startDate !== undefined || changes.endDate !== undefined)
      await refuseMilestonesOutside(tx, id, { ...held.row, ...changes });
    await tellUnits(tx, notices);
    const followed = await followState(tx, id);
    if (Object.keys(changes).length)
      await tx
        .update(reformProjects)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(reformProjects.id, id));
    if (patch.coUnitIds) {
      await tx.delete(reformProjectUnits).where(eq(reformProjectUnits.projectId, id));
      if (patch.coUnitIds.length)
        await tx
          .insert(reformProjectUnits)
          .values(patch.coUnitIds.map((unitId) => ({ projectId: id, unitId })));
    } else if (changes.leadUnitId)
      // A co-unit made the lead is no longer its own co-unit.
      await tx
        .delete(reformProjectUnits)
        .where(and(eq(reformProjectUnits.projectId, id), eq(reformProjectUnits.unitId, changes.leadUnitId)));
    // New dates may move the project's status: the suggestions' followers hear of it.
    await tellFollowers(tx, id, followed);
    if (changes.name) await renameInCases(tx, id, changes.name);
    const beforeFields = Object.fromEntries(
      Object.keys(changes).map((k) => [k, held.row[k as keyof ProjectRow]]),
    );
    return {
      result: id,
      audit: {
        entityType: 'reformProject',
        entityId: id,
        before: {
          ...beforeFields,
          ...(patch.coUnitIds ? { coUnitIds: before.coUnits.map((u) => u.id) } : {}),
        },
        after: { ...changes, ...(patch.coUnitIds ? { coUnitIds: patch.coUnitIds } : {}) },
      },
    };
  },
});

export async function updateProject(
  ctx: ServiceContext,
  id: string,
  patch: ReformProjectPatch,
): Promise<ReformProject> {
  return getProject(ctx, await command.run(ctx, { id, patch }));
}
