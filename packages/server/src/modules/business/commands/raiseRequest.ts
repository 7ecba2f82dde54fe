import { forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import type { RaiseRequestInput } from '../contracts-requests.js';
import { firmOfMember } from '../lookup.js';
import { mayEverRequest } from '../policy.js';
import { checkCategory } from '../requests/lookup.js';
import { suggestDepartment } from '../routing.js';
import { businessRequests } from '../schema.js';
import { recordEvent } from './request-common.js';

/**
 * 企业点题: a member of a firm's staff raises a request for their own firm. The text engine's
 * suggested department is stored with it for the office, which routes it.
 */
export const raiseRequest = defineCommand({
  name: 'request.raise',
  async load(ctx, input: RaiseRequestInput) {
    if (!mayEverRequest(ctx.principal, 'request.raise')) throw forbidden();
    const own = await firmOfMember(ctx.db, ctx.principal!.userId);
    // Another firm's id is unknown to this account: the same answer as a firm that does not exist.
    if (!own || (input.firmId && input.firmId !== own)) throw notFound('firm');
    await checkCategory(ctx, input.categoryCode);
    const suggestion = await suggestDepartment(ctx.db, input.title, input.body);
    return { firmId: own, suggestion };
  },
  async write(tx, ctx, { firmId, suggestion }, input) {
    const [row] = await tx
      .insert(businessRequests)
      .values({
        firmId,
        categoryCode: input.categoryCode,
        title: input.title,
        body: input.body,
        suggestedDepartmentId: suggestion?.departmentId ?? null,
        suggestionConfidence: suggestion?.confidence ?? null,
        raisedBy: ctx.principal!.userId,
      })
      .returning({ id: businessRequests.id });
    await recordEvent(tx, ctx, row!.id, 'raised', {
      data: { categoryCode: input.categoryCode, on: todayInChina() },
    });
    return {
      result: { id: row!.id },
      audit: {
        entityType: 'businessRequest',
        entityId: row!.id,
        after: { firmId, categoryCode: input.categoryCode, title: input.title, suggestion },
      },
    };
  },
});
