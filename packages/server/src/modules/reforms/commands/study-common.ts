import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, type FieldError, forbidden } from '../../../errors.js';
import type { Tx } from '../../../kernel/command.js';
import { movedMeanwhile } from '../../../kernel/workflow.js';
import { holdUnits, unitsByIds } from '../../units/api.js';
import { accountsByIds } from '../../users/api.js';
import type { StudyVisitInput } from '../contracts-study.js';
import { mayEverStudy, type StudyAction, studyVisitFlow } from '../policy-study.js';
import { reformProjects, reformStudyMembers, reformStudyVisits } from '../schema.js';

/** Refuses at once a caller who may take `action` in no scope at all. */
export function mayStudyAtAll(ctx: ServiceContext, action: StudyAction): void {
  if (!mayEverStudy(ctx.principal, action)) throw forbidden();
}

/**
 * In a write's transaction: touches the visit on condition it is still done (its learning being
 * recorded, not yet reported), so what is written cannot land on a visit whose report was handed
 * in meanwhile; the hand-in's own conditional write waits for this one, or this one refuses.
 */
export async function holdRecordableVisit(tx: Tx, visitId: string, set: { reportSummary?: string } = {}) {
  const held = await tx
    .update(reformStudyVisits)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(reformStudyVisits.id, visitId), eq(reformStudyVisits.status, 'done')))
    .returning({ id: reformStudyVisits.id });
  if (held.length === 0) throw movedMeanwhile(studyVisitFlow);
}

export const refused = (problems: FieldError[]) => {
  if (problems.length) throw new AppError('VALIDATION', problems[0]!.message, problems);
};

/**
 * The units and accounts a visit names: its organising unit and each member's unit and account,
 * checked together so the answer lists every problem. Returns the organising unit's path.
 */
export async function checkVisitRefs(
  db: Db,
  v: { unitId?: string | undefined; members?: StudyVisitInput['members'] | undefined },
): Promise<string | undefined> {
  const members = v.members ?? [];
  const units = await unitsByIds(db, [...(v.unitId ? [v.unitId] : []), ...members.map((m) => m.unitId)]);
  const userIds = members.flatMap((m) => (m.userId ? [m.userId] : []));
  const known = await accountsByIds(db, userIds);
  const problems: FieldError[] = [];
  if (v.unitId && !units.has(v.unitId))
    problems.push({ path: 'unitId', message: 'no such unit', code: 'unknown_unit' });
  members.forEach((m, i) => {
    if (!units.has(m.unitId))
      problems.push({ path: `members.${i}.unitId`, message: 'no such unit', code: 'unknown_unit' });
    if (m.userId && !known.has(m.userId))
      problems.push({ path: `members.${i}.userId`, message: 'no such account', code: 'unknown_user' });
  });
  refused(problems);
  return v.unitId ? units.get(v.unitId)!.path : undefined;
}

/**
 * In a write's transaction: the units a visit names (its organising unit, each member's unit) held
 * (`key share`) until it commits. One deleted from the tree since the checks is answered as the
 * check of it would, naming the field, never as the foreign key's failure; a delete started after
 * waits for the write and finds the unit in use.
 */
export async function holdVisitUnits(
  tx: Tx,
  v: { unitId?: string | undefined; members?: StudyVisitInput['members'] | undefined },
): Promise<void> {
  const members = v.members ?? [];
  const there = await holdUnits(tx, [...(v.unitId ? [v.unitId] : []), ...members.map((m) => m.unitId)]);
  const gone: FieldError[] = [];
  if (v.unitId && !there.has(v.unitId))
    gone.push({ path: 'unitId', message: 'no such unit', code: 'unknown_unit' });
  members.forEach((m, i) => {
    if (!there.has(m.unitId))
      gone.push({ path: `members.${i}.unitId`, message: 'no such unit', code: 'unknown_unit' });
  });
  if (gone.length) throw new AppError('CONFLICT', 'the unit was deleted meanwhile', gone);
}

/** The projects named, each of which must exist; `path` is where the list sits in the input. */
export async function checkProjects(db: Db, lists: Array<{ path: string; ids: readonly string[] }>) {
  const all = [...new Set(lists.flatMap((l) => l.ids))];
  const found = all.length
    ? await db.select({ id: reformProjects.id }).from(reformProjects).where(inArray(reformProjects.id, all))
    : [];
  const known = new Set(found.map((p) => p.id));
  const problems: FieldError[] = [];
  for (const l of lists)
    l.ids.forEach((id, i) => {
      if (!known.has(id))
        problems.push({ path: `${l.path}.${i}`, message: 'no such project', code: 'unknown_project' });
    });
  refused(problems);
}

/**
 * In a write's transaction: the projects named held (`key share`) until it commits. One the
 * office deleted since the checks refuses the write as a conflict naming where it sits in the
 * input (the links would otherwise meet the foreign key); a delete started after waits for it.
 */
export async function holdProjects(tx: Tx, lists: Array<{ path: string; ids: readonly string[] }>) {
  const all = [...new Set(lists.flatMap((l) => l.ids))];
  if (!all.length) return;
  // In one order, so two writes naming the same projects never wait for each other in a circle.
  const held = await tx
    .select({ id: reformProjects.id })
    .from(reformProjects)
    .where(inArray(reformProjects.id, all))
    .orderBy(asc(reformProjects.id))
    .for('key share');
  const there = new Set(held.map((p) => p.id));
  const gone = lists.flatMap((l) =>
    l.ids.flatMap((id, i) =>
      there.has(id) ? [] : [{ path: `${l.path}.${i}`, message: 'no such project', code: 'unknown_project' }],
    ),
  );
  if (gone.length) throw new AppError('CONFLICT', 'a project was deleted meanwhile', gone);
}

/** Replaces a visit's delegation with `members`, in order. */
export async function writeMembers(tx: Tx, visitId: string, members: StudyVisitInput['members']) {
  await tx.delete(reformStudyMembers).where(eq(reformStudyMembers.visitId, visitId));
  if (members.length)
    await tx.insert(reformStudyMembers).values(
      members.map((m, sort) => ({
        visitId,
        sort,
        userId: m.userId ?? null,
        name: m.name,
        unitId: m.unitId,
      })),
    );
}
