import { and, eq, ne } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, type FieldError, forbidden } from '../../../errors.js';
import { type UnitBrief, unitsByIds } from '../../units/api.js';
import { canReform, mayEverReform, type ReformAction } from '../policy.js';
import { listExists, milestonesOf } from '../queries/lookup.js';
import { reformProjects } from '../schema.js';

/** Refuses at once a caller who may take `action` in no scope at all. */
export function mayAtAll(ctx: ServiceContext, action: ReformAction): void {
  if (!mayEverReform(ctx.principal, action)) throw forbidden();
}

/** The references of a project's fields, checked together so the answer lists every problem. */
export async function checkReferences(
  db: Db,
  refs: {
    listId?: string | undefined;
    leadUnitId?: string | undefined;
    coUnitIds?: readonly string[] | undefined;
  },
): Promise<Map<string, UnitBrief>> {
  const ids = [...(refs.leadUnitId ? [refs.leadUnitId] : []), ...(refs.coUnitIds ?? [])];
  const units = await unitsByIds(db, ids);
  const problems: FieldError[] = [];
  if (refs.listId && !(await listExists(db, refs.listId)))
    problems.push({ path: 'listId', message: 'no such reform list', code: 'unknown_list' });
  if (refs.leadUnitId && !units.has(refs.leadUnitId))
    problems.push({ path: 'leadUnitId', message: 'no such unit', code: 'unknown_unit' });
  (refs.coUnitIds ?? []).forEach((id, k) => {
    if (!units.has(id))
      problems.push({ path: `coUnitIds.${k}`, message: 'no such unit', code: 'unknown_unit' });
    else if (id === refs.leadUnitId)
      problems.push({
        path: `coUnitIds.${k}`,
        message: 'the lead unit itself',
        code: 'lead_unit_as_co_unit',
      });
  });
  if (new Set(refs.coUnitIds ?? []).size !== (refs.coUnitIds ?? []).length)
    problems.push({ path: 'coUnitIds', message: 'a unit listed twice', code: 'listed_twice' });
  if (problems.length)
    throw new AppError('VALIDATION', 'the project refers to what does not exist', problems);
  return units;
}

/** A project code is the ledger's key: two projects never share one. */
export async function checkCodeFree(db: Db, code: string, exceptId?: string): Promise<void> {
  const [taken] = await db
    .select({ id: reformProjects.id })
    .from(reformProjects)
    .where(and(eq(reformProjects.code, code), exceptId ? ne(reformProjects.id, exceptId) : undefined));
  if (taken)
    throw new AppError('CONFLICT', `project code ${code} is taken`, [
      { path: 'code', message: 'taken', code: 'taken' },
    ]);
}

/** The office may place a project only under a lead unit in its own scope. */
export function checkLeadInScope(
  ctx: ServiceContext,
  action: 'project.create' | 'project.assign',
  lead: UnitBrief,
) {
  if (!canReform(ctx.principal, action, { unitPath: lead.path })) throw forbidden();
}

/** Refuses dates that would leave one of the project's milestones due outside them. */
export async function refuseMilestonesOutside(
  db: Db,
  projectId: string,
  dates: { startDate: string; endDate: string },
): Promise<void> {
  const outside = (await milestonesOf(db, [projectId])).filter(
    (m) => m.dueDate < dates.startDate || m.dueDate > dates.endDate,
  );
  if (outside.length)
    throw new AppError(
      'VALIDATION',
      'a milestone falls due outside these dates',
      outside.map((m) => ({
        path: m.dueDate > dates.endDate ? 'endDate' : 'startDate',
        message: `${m.name} is due on ${m.dueDate}`,
        code: 'milestone_outside_period',
        params: { value: m.name, date: m.dueDate },
      })),
    );
}
