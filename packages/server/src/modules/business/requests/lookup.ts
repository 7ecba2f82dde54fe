import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { type UnitBrief, unitsByIds } from '../../units/api.js';
import { firmOfMember } from '../lookup.js';
import { currentCadre } from '../pairs.js';
import { canRequest, mayEverRequest, type RequestAction, type RequestResource } from '../policy.js';
import { listCategories } from '../queries/categories.js';
import {
  businessAnswers,
  businessAppeals,
  businessExtensions,
  businessFirms,
  businessRatings,
  businessRectifications,
  businessRequests,
} from '../schema.js';

export type RequestRow = typeof businessRequests.$inferSelect;

export interface LoadedRequest {
  row: RequestRow;
  firmName: string;
  town: UnitBrief;
  department: UnitBrief | undefined;
  resource: RequestResource;
}

/** Where a request sits for the policy: its firm's town, its department, the actor's membership. */
export async function requestResource(ctx: ServiceContext, row: RequestRow) {
  const [firm] = await ctx.db
    .select({ name: businessFirms.name, townId: businessFirms.townId })
    .from(businessFirms)
    .where(eq(businessFirms.id, row.firmId));
  const ids = [firm?.townId ?? '', ...(row.departmentId ? [row.departmentId] : [])].filter(Boolean);
  const unitMap = await unitsByIds(ctx.db, ids);
  const town = unitMap.get(firm?.townId ?? '');
  const department = row.departmentId ? unitMap.get(row.departmentId) : undefined;
  const member = ctx.principal ? (await firmOfMember(ctx.db, ctx.principal.userId)) === row.firmId : false;
  const paired = ctx.principal ? (await currentCadre(ctx.db, row.firmId)) === ctx.principal.userId : false;
  const resource: RequestResource = {
    townPath: town?.path ?? '',
    departmentPath: department?.path ?? null,
    member,
    paired,
  };
  return { firmName: firm?.name ?? '', town: town!, department, resource };
}

/**
 * A request the actor may read, and may take `action` on: one they may not read is NOT_FOUND
 * (a department does not learn which requests went elsewhere), one they may read but not act on
 * FORBIDDEN. A role that may take `action` on no request at all is refused before any lookup.
 */
export async function loadRequest(
  ctx: ServiceContext,
  id: string,
  action: RequestAction,
): Promise<LoadedRequest> {
  if (!mayEverRequest(ctx.principal, action)) throw forbidden();
  const [row] = await ctx.db.select().from(businessRequests).where(eq(businessRequests.id, id));
  if (!row) throw notFound('request');
  const loaded = await requestResource(ctx, row);
  if (!canRequest(ctx.principal, 'request.read', loaded.resource)) throw notFound('request');
  if (!canRequest(ctx.principal, action, loaded.resource)) throw forbidden();
  return { row, ...loaded };
}

/**
 * A step the request's state does not allow (INVALID_STATE, `request_moved_on`): as read before
 * the step, or as found by its write when another user moved the request on meanwhile.
 */
export const movedOn = (status: string) =>
  new AppError('INVALID_STATE', `the request is ${status}`, [
    { path: 'status', message: 'the request is no longer at this step', code: 'request_moved_on' },
  ]);

/** Refuses a step the request's state does not allow. */
export function expectStatus(row: RequestRow, ...allowed: RequestRow['status'][]) {
  if (!allowed.includes(row.status)) throw movedOn(row.status);
}

/** A category in use, with its deadlines. */
export async function checkCategory(ctx: ServiceContext, code: string, field = 'categoryCode') {
  const category = (await listCategories(ctx.db)).find((c) => c.code === code);
  if (!category?.active)
    throw new AppError('VALIDATION', 'no such category', [
      { path: field, message: 'no such category', code: 'unknown_category' },
    ]);
  return category;
}

/** The category of a request (a retired one still counts its deadlines). */
export async function categoryOf(ctx: ServiceContext, code: string) {
  const category = (await listCategories(ctx.db)).find((c) => c.code === code);
  return { answerWorkdays: category?.answerWorkdays ?? 5, rectifyWorkdays: category?.rectifyWorkdays ?? 15 };
}

const owners = {
  answer: businessAnswers,
  rating: businessRatings,
  rectification: businessRectifications,
  appeal: businessAppeals,
  extension: businessExtensions,
};

/** The request a record of it belongs to (the routes answer with the request as it now stands). */
export async function requestOf(ctx: ServiceContext, kind: keyof typeof owners, id: string): Promise<string> {
  const table = owners[kind];
  const [row] = await ctx.db.select({ requestId: table.requestId }).from(table).where(eq(table.id, id));
  if (!row) throw notFound(kind);
  return row.requestId;
}
