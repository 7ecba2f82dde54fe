import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { dueAfter, todayInChina } from '../../../kernel/deadlines.js';
import { assertMoved } from '../../../kernel/workflow.js';
import { unitsByIds } from '../../units/api.js';
import { categoryOf, expectStatus, loadRequest } from '../requests/lookup.js';
import { businessRequests } from '../schema.js';
import { tellDepartment } from './notify.js';
import { recordEvent } from './request-common.js';

/**
 * 分办: the office sends a request to a department, keeping the suggested one or choosing
 * another; it may re-route one not yet answered. The department's answer is due the category's
 * working days after routing. The first routing records whether the suggestion was kept.
 */
export const routeRequest = defineCommand({
  name: 'request.route',
  async load(ctx, input: { id: string; departmentId: string; note: string }) {
    const loaded = await loadRequest(ctx, input.id, 'request.route');
    expectStatus(loaded.row, 'submitted', 'routed');
    const unit = (await unitsByIds(ctx.db, [input.departmentId])).get(input.departmentId);
    if (unit?.kind !== 'department')
      throw new AppError('VALIDATION', 'not a department', [
        { path: 'departmentId', message: 'not a department', code: 'not_a_department' },
      ]);
    const { answerWorkdays } = await categoryOf(ctx, loaded.row.categoryCode);
    return { ...loaded, dueOn: dueAfter(todayInChina(), answerWorkdays) };
  },
  async write(tx, ctx, { row, dueOn }, input) {
    const first = row.status === 'submitted' && row.departmentId === null;
    const kept = first && row.suggestedDepartmentId ? row.suggestedDepartmentId === input.departmentId : null;
    const moved = await tx
      .update(businessRequests)
      .set({
        status: 'routed',
        departmentId: input.departmentId,
        dueOn,
        ...(first ? { suggestionKept: kept } : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(businessRequests.id, row.id), inArray(businessRequests.status, ['submitted', 'routed'])))
      .returning({ id: businessRequests.id });
    assertMoved({ name: 'request' }, moved);
    await recordEvent(tx, ctx, row.id, 'routed', {
      departmentId: input.departmentId,
      note: input.note,
      data: { dueOn, suggestedDepartmentId: row.suggestedDepartmentId, kept, rerouted: !first },
    });
    await tellDepartment(tx, 'routed', { title: row.title, departmentId: input.departmentId });
    return {
      result: undefined,
      audit: {
        entityType: 'businessRequest',
        entityId: row.id,
        before: { departmentId: row.departmentId, status: row.status },
        after: { departmentId: input.departmentId, dueOn, suggestionKept: kept },
      },
    };
  },
});
