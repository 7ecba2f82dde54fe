import { eq } from 'drizzle-orm';
import { hasRole } from '../../../auth/principal.js';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import type { RaiseRequestInput } from '../contracts-requests.js';
import { firmOfMember, heldMembership } from '../lookup.js';
import { currentCadre, heldPair, unpairedMeanwhile } from '../pairs.js';
import { mayEverRequest } from '../policy.js';
import { checkCategory } from '../requests/lookup.js';
import { findRepeat, type RepeatOf } from '../requests/repeats.js';
import { type RoutingSuggestion, suggestDepartment } from '../routing.js';
import { businessRequestCategories, businessRequestRepeats, businessRequests } from '../schema.js';
import { tellFirm } from './notify.js';
import { recordEvent } from './request-common.js';

/**
 * The firm a request is raised for: a member of a firm's staff raises for their own firm, a
 * liaison cadre for a firm paired with them (on its behalf). Another firm is unknown to either.
 */
export async function firmToRaiseFor(
  ctx: ServiceContext,
  firmId: string | undefined,
): Promise<{ firmId: string; onBehalf: boolean }> {
  const p = ctx.principal!;
  const own = await firmOfMember(ctx.db, p.userId);
  if (own && (!firmId || firmId === own)) return { firmId: own, onBehalf: false };
  if (firmId && hasRole(p, 'liaison') && (await currentCadre(ctx.db, firmId)) === p.userId)
    return { firmId, onBehalf: true };
  throw notFound('firm');
}

export interface NewRequest {
  firmId: string;
  categoryCode: string;
  title: string;
  body: string;
  suggestion: RoutingSuggestion | null;
  /** Raised by the firm's cadre, e.g. from an issue of a visit. */
  onBehalf?: { visitId?: string };
  /** The day of the visit it was raised at, for the firm's notice (the step names the visit only). */
  visitedOn?: string;
  /** The firm's earlier request this one raises again, if the text engine found one. */
  repeat?: RepeatOf | null;
}

/** Writes a raised request and the first step of its timeline, in the caller's transaction. */
export async function insertRequest(tx: Tx, ctx: ServiceContext, r: NewRequest): Promise<string> {
  const [row] = await tx
    .insert(businessRequests)
    .values({
      firmId: r.firmId,
      categoryCode: r.categoryCode,
      title: r.title,
      body: r.body,
      suggestedDepartmentId: r.suggestion?.departmentId ?? null,
      suggestionConfidence: r.suggestion?.confidence ?? null,
      raisedBy: ctx.principal!.userId,
    })
    .returning({ id: businessRequests.id });
  if (r.repeat)
    await tx
      .insert(businessRequestRepeats)
      .values({ requestId: row!.id, repeatOf: r.repeat.id, similarity: r.repeat.similarity });
  await recordEvent(tx, ctx, row!.id, 'raised', {
    data: {
      categoryCode: r.categoryCode,
      on: todayInChina(),
      ...(r.onBehalf ? { onBehalf: r.onBehalf } : {}),
    },
  });
  if (r.onBehalf) await tellFirmOfCadre(tx, row!.id, r);
  return row!.id;
}

/**
 * The firm's staff hear of a request their cadre raised for them (from a visit, on its day), by
 * its title and its category's name in both languages (the web words it in the reader's).
 */
async function tellFirmOfCadre(tx: Tx, requestId: string, r: NewRequest) {
  const [category] = await tx
    .select({ name: businessRequestCategories.name, nameEn: businessRequestCategories.nameEn })
    .from(businessRequestCategories)
    .where(eq(businessRequestCategories.code, r.categoryCode));
  const { visitedOn } = r;
  await tellFirm(tx, r.firmId, visitedOn ? 'firmRaisedAtVisit' : 'firmRaisedByCadre', {
    requestId,
    title: r.title,
    extra: {
      category: category?.name ?? '',
      categoryEn: category?.nameEn || category?.name || '',
      ...(visitedOn ? { visitedOn } : {}),
    },
  });
}

/**
 * 企业点题: a member of a firm's staff raises a request for their own firm, or the firm's liaison
 * cadre on its behalf. The text engine's suggested department is stored with it for the office,
 * which routes it.
 */
export const raiseRequest = defineCommand({
  name: 'request.raise',
  async load(ctx, input: RaiseRequestInput) {
    if (!mayEverRequest(ctx.principal, 'request.raise')) throw forbidden();
    const { firmId, onBehalf } = await firmToRaiseFor(ctx, input.firmId);
    await checkCategory(ctx, input.categoryCode);
    const suggestion = await suggestDepartment(ctx.db, input.title, input.body);
    const repeat = await findRepeat(ctx.db, firmId, input.title, input.body);
    return { firmId, suggestion, onBehalf, repeat };
  },
  async write(tx, ctx, { firmId, suggestion, onBehalf, repeat }, input) {
    // A cadre raises for the firm while paired with it: checked again under the pairing's lock.
    if (onBehalf && (await heldPair(tx, firmId))?.cadreId !== ctx.principal!.userId)
      throw unpairedMeanwhile('firmId');
    // A member raises for their firm while on its staff: checked again, the membership held, so
    // one taken off the staff since the checks raises nothing, and a removal waits for the raise.
    if (!onBehalf && !(await heldMembership(tx, ctx.principal!.userId, firmId))) throw notFound('firm');
    const id = await insertRequest(tx, ctx, {
      firmId,
      categoryCode: input.categoryCode,
      title: input.title,
      body: input.body,
      suggestion,
      repeat,
      ...(onBehalf ? { onBehalf: {} } : {}),
    });
    return {
      result: { id },
      audit: {
        entityType: 'businessRequest',
        entityId: id,
        after: { firmId, categoryCode: input.categoryCode, title: input.title, suggestion },
      },
    };
  },
});
