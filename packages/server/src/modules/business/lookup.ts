import { and, eq } from 'drizzle-orm';
import { hasRole } from '../../auth/principal.js';
import type { ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import type { Tx } from '../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { type UnitBrief, unitsByIds } from '../units/api.js';
import { currentCadre } from './pairs.js';
import { type BusinessAction, canBusiness, type FirmResource, mayEver } from './policy.js';
import { listIndustries } from './queries/industries.js';
import { businessFirmMembers, businessFirms } from './schema.js';

export type FirmRow = typeof businessFirms.$inferSelect;

/** The kinds of unit a firm may be in: a street (街道), a town (镇) or a township (乡). */
export const townKinds: readonly string[] = ['subdistrict', 'town', 'township'];

/** The firm the account is staff of, if any. */
export async function firmOfMember(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ firmId: businessFirmMembers.firmId })
    .from(businessFirmMembers)
    .where(eq(businessFirmMembers.userId, userId));
  return row?.firmId;
}

/**
 * In a write's transaction: whether the account is on the firm's staff, the membership held
 * (share) until the write commits, so the office taking them off the staff at the same moment
 * waits for it or, having come first, is seen.
 */
export async function heldMembership(tx: Tx, userId: string, firmId: string): Promise<boolean> {
  const rows = await tx
    .select({ firmId: businessFirmMembers.firmId })
    .from(businessFirmMembers)
    .where(and(eq(businessFirmMembers.userId, userId), eq(businessFirmMembers.firmId, firmId)))
    .for('share');
  return rows.length > 0;
}

export interface LoadedFirm {
  row: FirmRow;
  town: UnitBrief;
  resource: FirmResource;
}

/** Actions a firm's own staff take on their firm: the policy can only tell once it is loaded. */
const staffActions: readonly BusinessAction[] = ['firm.read', 'firm.readOwn'];

/**
 * A firm the actor may read, and may take `action` on: one they may not read is NOT_FOUND (a
 * scope does not reveal which firms exist elsewhere), one they may read but not change FORBIDDEN.
 * A role that may take `action` on no firm at all is refused before any is looked up.
 */
export async function loadFirm(ctx: ServiceContext, id: string, action: BusinessAction): Promise<LoadedFirm> {
  if (!staffActions.includes(action) && !mayEver(ctx.principal, action)) throw forbidden();
  const { row, town } = await loadFirmRow(ctx, id);
  const p = ctx.principal;
  const member = p ? (await firmOfMember(ctx.db, p.userId)) === id : false;
  const paired = hasRole(p, 'liaison') ? (await currentCadre(ctx.db, id)) === p!.userId : false;
  const resource = { townPath: town.path, member, paired };
  if (!canBusiness(ctx.principal, 'firm.read', resource)) throw notFound('firm');
  if (!canBusiness(ctx.principal, action, resource)) throw forbidden();
  return { row, town, resource };
}

/** A firm and its town, before any policy check (the caller decides who may see it). */
export async function loadFirmRow(
  ctx: ServiceContext,
  id: string,
): Promise<{ row: FirmRow; town: UnitBrief }> {
  const [row] = await ctx.db.select().from(businessFirms).where(eq(businessFirms.id, id));
  const town = row ? (await unitsByIds(ctx.db, [row.townId])).get(row.townId) : undefined;
  if (!row || !town) throw notFound('firm');
  return { row, town };
}

/** The unit a firm is placed in: it must exist, be a street, town or township, and lie in scope. */
export async function checkTown(
  ctx: ServiceContext,
  townId: string,
  action: BusinessAction,
  field = 'townId',
): Promise<UnitBrief> {
  const town = (await unitsByIds(ctx.db, [townId])).get(townId);
  if (!town)
    throw new AppError('VALIDATION', 'no such unit', [
      { path: field, message: 'no such unit', code: 'unknown_unit' },
    ]);
  if (!townKinds.includes(town.kind))
    throw new AppError('VALIDATION', 'not a street, town or township', [
      { path: field, message: 'not a street, town or township', code: 'not_a_town' },
    ]);
  if (!canBusiness(ctx.principal, action, { townPath: town.path }))
    throw new AppError('FORBIDDEN', 'the town is outside your scope', [
      { path: field, message: 'outside your scope', code: 'outside_scope' },
    ]);
  return town;
}

/** An industry of the list, in use (a retired one keeps its firms but takes no new ones). */
export async function checkIndustry(db: Db, code: string, field = 'industryCode'): Promise<void> {
  const row = (await listIndustries(db)).find((i) => i.code === code);
  if (!row?.active)
    throw new AppError('VALIDATION', 'no such industry', [
      { path: field, message: 'no such industry', code: 'unknown_industry' },
    ]);
}

/** The conflict of a credit code another firm has. */
export const codeTaken = (field = 'creditCode') =>
  new AppError('CONFLICT', 'another firm has this credit code', [
    { path: field, message: 'taken', code: 'taken' },
  ]);
