import { and, eq } from 'drizzle-orm';
import { defineCommand } from '../../../kernel/command.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { expectStatus, loadRequest } from '../requests/lookup.js';
import { businessAnswers, businessRequests } from '../schema.js';
import { tellFirm } from './notify.js';
import { changedMeanwhile, recordEvent, withdrawPendingExtension } from './request-common.js';

/**
 * 部门答题: the department the request is routed to answers it; the firm then rates the answer.
 * An extension still waiting for a decision is withdrawn: the answer is given.
 */
export const answerRequest = defineCommand({
  name: 'request.answer',
  async load(ctx, input: { id: string; body: string }) {
    const loaded = await loadRequest(ctx, input.id, 'request.answer');
    expectStatus(loaded.row, 'routed');
    return loaded;
  },
  async write(tx, ctx, { row }, input) {
    const moved = await tx
      .update(businessRequests)
      .set({ status: 'answered', updatedAt: new Date() })
      // Still with this department: a re-route keeps the status, and the answer of a department
      // that no longer holds the request is refused, not recorded as the new one's.
      .where(
        and(
          eq(businessRequests.id, row.id),
          eq(businessRequests.status, 'routed'),
          eq(businessRequests.departmentId, row.departmentId!),
        ),
      )
      .returning({ id: businessRequests.id, dueOn: businessRequests.dueOn });
    if (moved.length === 0) throw await changedMeanwhile(tx, row.id, row.departmentId);
    // The deadline as it stands now, not as read before the transaction: an extension the office
    // approved meanwhile moved it, and the answer is on time by the day it was given.
    const dueOn = moved[0]!.dueOn;
    const onTime = !dueOn || todayInChina() <= dueOn;
    const [answer] = await tx
      .insert(businessAnswers)
      .values({
        requestId: row.id,
        departmentId: row.departmentId!,
        kind: 'answer',
        body: input.body,
        onTime,
        answeredBy: ctx.principal!.userId,
      })
      .returning({ id: businessAnswers.id });
    const withdrawn = await withdrawPendingExtension(tx, ctx, row.id, 'answered');
    await recordEvent(tx, ctx, row.id, 'answered', {
      departmentId: row.departmentId,
      data: { answerId: answer!.id, onTime, dueOn },
    });
    await tellFirm(tx, row.firmId, 'answered', {
      requestId: row.id,
      title: row.title,
      departmentId: row.departmentId!,
    });
    return {
      result: { id: answer!.id },
      audit: {
        entityType: 'businessRequest',
        entityId: row.id,
        after: {
          answerId: answer!.id,
          onTime,
          body: input.body,
          ...(withdrawn ? { extensionWithdrawn: withdrawn } : {}),
        },
      },
    };
  },
});
