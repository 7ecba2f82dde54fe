import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, notFound } from '../../../errors.js';
import { defineCommand, type Tx } from '../../../kernel/command.js';
import { steadyUnitTree } from '../../units/api.js';
import { accountsByIds, userIdByLogin } from '../../users/api.js';
import type { Inspector, InspectorInput, InspectorPatch } from '../contracts.js';
import { conflictIdsOf, getInspector } from '../queries/inspectors.js';
import { inspectionInspectors } from '../schema.js';
import { authorise, departmentsOf, invalid, mayAtAll } from './common.js';
import { checkFirms, isStaffOf, uniqueSorted, writeConflicts } from './inspector-common.js';

type InspectorRow = typeof inspectionInspectors.$inferSelect;

/** A department enrols one of its accounts as an inspector, with qualifications and conflicts. */
const create = defineCommand({
  name: 'inspector.create',
  async load(ctx, input: InspectorInput) {
    mayAtAll(ctx, 'inspector.write');
    const [department] = await departmentsOf(ctx.db, [input.unitId]);
    authorise(ctx, 'inspector.write', [department!]);
    const userId = await userIdByLogin(ctx.db, input.login);
    const account = userId ? (await accountsByIds(ctx.db, [userId])).get(userId) : undefined;
    if (!userId || !account || account.disabled)
      throw invalid('login', 'unknown_user', `no account ${input.login}`, { value: input.login });
    if (!(await isStaffOf(ctx.db, userId, department!)))
      throw invalid('login', 'not_department_staff', `${input.login} is not staff of ${department!.name}`, {
        value: input.login,
      });
    const [taken] = await ctx.db
      .select({ id: inspectionInspectors.id })
      .from(inspectionInspectors)
      .where(eq(inspectionInspectors.userId, userId));
    if (taken)
      throw new AppError('CONFLICT', 'already an inspector', [
        { path: 'login', message: 'taken', code: 'taken' },
      ]);
    await checkFirms(ctx.db, input.conflictFirmIds);
    return { userId };
  },
  async write(tx, _ctx, { userId }, { conflictFirmIds, login, ...input }) {
    // The staff check rests on where the department and the account's role sit: the unit tree is
    // steadied first (as in every transaction taking it), so a move under way has committed, and
    // none starts until the enrolment commits, before the department is read again here (one
    // moved since the checks is read where it now sits, not refused as if its staff had left).
    await steadyUnitTree(tx);
    const [department] = await departmentsOf(tx, [input.unitId]);
    // Held until the enrolment commits (a change of the account, its standing or its roles,
    // locks its row first): one disabled, or no longer the department's staff, since the checks
    // is refused as the form refuses it, and a change meanwhile waits, so no enrolment is
    // recorded after it.
    if ((await accountsByIds(tx, [userId], true)).get(userId)?.disabled !== false)
      throw invalid('login', 'unknown_user', `no account ${login}`, { value: login });
    if (!(await isStaffOf(tx, userId, department!)))
      throw invalid('login', 'not_department_staff', `${login} is not staff of ${department!.name}`, {
        value: login,
      });
    const [row] = await tx
      .insert(inspectionInspectors)
      .values({
        ...input,
        userId,
        qualifications: uniqueSorted(input.qualifications),
        workingDays: uniqueSorted(input.workingDays),
      })
      .returning({ id: inspectionInspectors.id });
    await writeConflicts(tx, row!.id, conflictFirmIds);
    return {
      result: row!.id,
      audit: { entityType: 'inspector', entityId: row!.id, after: { ...input, userId, conflictFirmIds } },
    };
  },
});

/** Changes an inspector's department, qualifications, working days, conflicts or standing. */
const update = defineCommand({
  name: 'inspector.update',
  async load(ctx, { id, patch }: { id: string; patch: InspectorPatch }) {
    mayAtAll(ctx, 'inspector.write');
    const [row] = await ctx.db.select().from(inspectionInspectors).where(eq(inspectionInspectors.id, id));
    if (!row) throw notFound('inspector');
    authorise(ctx, 'inspector.write', await departmentsOf(ctx.db, [row.unitId]));
    if (patch.unitId && patch.unitId !== row.unitId) {
      const [department] = await departmentsOf(ctx.db, [patch.unitId]);
      authorise(ctx, 'inspector.write', [department!]);
      if (!(await isStaffOf(ctx.db, row.userId, department!)))
        throw invalid('unitId', 'not_department_staff', `the inspector is not staff of ${department!.name}`);
    }
    if (patch.conflictFirmIds) await checkFirms(ctx.db, patch.conflictFirmIds);
    return { row };
  },
  async write(tx, ctx, loaded, { id, patch }) {
    const { row, conflicts } = await heldForUpdate(tx, ctx, loaded, id, patch);
    const { conflictFirmIds, ...fields } = patch;
    const set = {
      ...fields,
      ...(fields.qualifications ? { qualifications: uniqueSorted(fields.qualifications) } : {}),
      ...(fields.workingDays ? { workingDays: uniqueSorted(fields.workingDays) } : {}),
    };
    await tx
      .update(inspectionInspectors)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(inspectionInspectors.id, id));
    if (conflictFirmIds) await writeConflicts(tx, id, conflictFirmIds);
    const before = {
      ...Object.fromEntries(Object.keys(fields).map((k) => [k, row[k as keyof typeof row]])),
      ...(conflictFirmIds ? { conflictFirmIds: conflicts } : {}),
    };
    return { result: id, audit: { entityType: 'inspector', entityId: id, before, after: patch } };
  },
});

/**
 * The inspector as it is now, its row locked until the update commits, the update authorised
 * again on it: checked without locks, it may since have been moved to a department outside the
 * caller's scope, or its account have lost the staff role of the department it is moved to. A
 * move to another department holds the unit tree steady (first, as every transaction taking it
 * does) and the account (a change of its standing or roles locks its row first, so waits), so
 * no inspector is recorded in a department whose staff the account is no longer.
 */
async function heldForUpdate(
  tx: Tx,
  ctx: ServiceContext,
  loaded: { row: InspectorRow },
  id: string,
  patch: InspectorPatch,
): Promise<{ row: InspectorRow; conflicts: string[] }> {
  const moving = !!patch.unitId;
  if (moving) await steadyUnitTree(tx);
  const [row] = await tx
    .select()
    .from(inspectionInspectors)
    .where(eq(inspectionInspectors.id, id))
    .for('update');
  if (!row) throw notFound('inspector');
  if (row.unitId !== loaded.row.unitId)
    authorise(ctx, 'inspector.write', await departmentsOf(tx, [row.unitId]));
  if (moving && patch.unitId !== row.unitId) {
    await accountsByIds(tx, [row.userId], true);
    const [department] = await departmentsOf(tx, [patch.unitId!]);
    if (!(await isStaffOf(tx, row.userId, department!)))
      throw invalid('unitId', 'not_department_staff', `the inspector is not staff of ${department!.name}`);
  }
  return { row, conflicts: patch.conflictFirmIds ? await conflictIdsOf(tx, id) : [] };
}

export async function createInspector(ctx: ServiceContext, input: InspectorInput): Promise<Inspector> {
  return getInspector(ctx, await create.run(ctx, input));
}

export async function updateInspector(
  ctx: ServiceContext,
  id: string,
  patch: InspectorPatch,
): Promise<Inspector> {
  return getInspector(ctx, await update.run(ctx, { id, patch }));
}
