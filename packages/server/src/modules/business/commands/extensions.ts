import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { dueAfterOn } from '../../../kernel/deadlines.js';
import { heldCalendar } from '../../calendar/api.js';
import { expectStatus, loadRequest } from '../requests/lookup.js';
import { businessExtensions, businessRectifications, businessRequests } from '../schema.js';
import { tellDepartment, tellFirm, tellOffice } from './notify.js';
import { recordEvent, routedMeanwhile } from './request-common.js';

/**
 * 申请延期: the department asks the office for more working days, with its reason, while an
 * answer or a rectification is due. One request waits for a decision at a time. The office over
 * the firm's town, which decides, is told what is asked (the reason is on the request's page).
 */
export const askExtension = defineCommand({
  name: 'extension.ask',
  async load(ctx, input: { id: string; workdays: number; reason: string }) {
    const loaded = await loadRequest(ctx, input.id, 'extension.ask');
    expectStatus(loaded.row, 'routed', 'rectifying');
    await refuseIfPending(ctx.db, input.id);
    return loaded;
  },
  async write(tx, ctx, { row, town }, input) {
    // The checks above ran before this transaction: an answer or a re-route made since would
    // leave the extension waiting on a step that is over. The lock holds them off until this
    // commits (the answer then withdraws the extension); one that came first refuses it.
    const [now] = await tx
      .select({
        status: businessRequests.status,
        departmentId: businessRequests.departmentId,
        dueOn: businessRequests.dueOn,
      })
      .from(businessRequests)
      .where(eq(businessRequests.id, row.id))
      .for('update');
    if (!now || now.departmentId !== row.departmentId) throw routedMeanwhile();
    // The step asked for, not merely one that takes extensions: an answer rated badly since the
    // checks opened a rectification, whose days the department has not asked for.
    expectStatus({ ...row, status: now.status }, row.status);
    // Two asks at once: the lock makes the second wait, then find the first one's extension.
    await refuseIfPending(tx, row.id);
    const [ext] = await tx
      .insert(businessExtensions)
      .values({
        requestId: row.id,
        departmentId: row.departmentId!,
        workdays: input.workdays,
        reason: input.reason,
        // As it stands under the lock: a holiday recount may have moved it since the checks.
        dueBefore: now.dueOn!,
        requestedBy: ctx.principal!.userId,
      })
      .returning({ id: businessExtensions.id });
    await recordEvent(tx, ctx, row.id, 'extension_requested', {
      departmentId: row.departmentId,
      note: input.reason,
      data: { extensionId: ext!.id, workdays: input.workdays, dueOn: now.dueOn },
    });
    await tellOffice(tx, town.path, 'extensionAsked', {
      requestId: row.id,
      title: row.title,
      departmentId: row.departmentId!,
      extra: { workdays: input.workdays, dueOn: now.dueOn },
    });
    return {
      result: { id: ext!.id },
      audit: { entityType: 'businessRequest', entityId: row.id, after: { extensionId: ext!.id, ...input } },
    };
  },
});

/** One extension waits for a decision at a time (CONFLICT, `extension_pending`). */
async function refuseIfPending(db: Db, requestId: string) {
  const [pending] = await db
    .select({ id: businessExtensions.id })
    .from(businessExtensions)
    .where(and(eq(businessExtensions.requestId, requestId), eq(businessExtensions.status, 'pending')));
  if (pending)
    throw new AppError('CONFLICT', 'an extension is waiting for a decision', [
      { path: 'workdays', message: 'an extension is waiting for a decision', code: 'extension_pending' },
    ]);
}

/** The extension is decided or withdrawn already (INVALID_STATE, `extension_decided`). */
const extensionDecided = (status: string) =>
  new AppError('INVALID_STATE', `the extension is ${status}`, [
    { path: 'approve', message: 'the extension is decided or withdrawn already', code: 'extension_decided' },
  ]);

/**
 * Only while the department that asked still owes the answer or the rectification: days granted
 * later would move the deadline of a step that is over (INVALID_STATE, `not_awaiting_answer`).
 */
function refuseUnlessAwaiting(now: { status: string; departmentId: string | null }, departmentId: string) {
  const awaiting = now.status === 'routed' || now.status === 'rectifying';
  if (!awaiting || now.departmentId !== departmentId)
    throw new AppError('INVALID_STATE', `the request is ${now.status}`, [
      { path: 'approve', message: 'the request no longer awaits an answer', code: 'not_awaiting_answer' },
    ]);
}

/**
 * The office approves (the due date moves by the days asked) or refuses an extension, with a note,
 * while the request still waits for the department that asked. The department's staff are told
 * either way; the firm's staff of an approval, with the due date before and after.
 */
export const decideExtension = defineCommand({
  name: 'extension.decide',
  async load(ctx, input: { extensionId: string; approve: boolean; note: string }) {
    const [ext] = await ctx.db
      .select()
      .from(businessExtensions)
      .where(eq(businessExtensions.id, input.extensionId));
    if (!ext) throw notFound('extension');
    const loaded = await loadRequest(ctx, ext.requestId, 'extension.decide');
    if (ext.status !== 'pending') throw extensionDecided(ext.status);
    refuseUnlessAwaiting(loaded.row, ext.departmentId);
    return { ...loaded, ext };
  },
  async write(tx, ctx, { row, ext }, input) {
    // The calendar as stored, under its lock taken before any row lock (as routeRequest.ts): a
    // year another process loaded is counted even before this process reads it again.
    const calendar = await heldCalendar(tx);
    // Locks in the order the other steps take them (the open rectification, the request, then
    // its extension): an answer, a re-route or a rectification's result given at the same moment
    // then waits for this decision, or this one for it, instead of each holding what the other
    // needs until the database aborts one. Read under the lock, the request must still wait for
    // the department that asked.
    await tx
      .select({ id: businessRectifications.id })
      .from(businessRectifications)
      .where(and(eq(businessRectifications.requestId, row.id), eq(businessRectifications.status, 'open')))
      .for('update');
    const [now] = await tx
      .select({
        status: businessRequests.status,
        departmentId: businessRequests.departmentId,
        dueOn: businessRequests.dueOn,
      })
      .from(businessRequests)
      .where(eq(businessRequests.id, row.id))
      .for('update');
    const current = now ?? { status: 'gone', departmentId: null, dueOn: null };
    refuseUnlessAwaiting(current, ext.departmentId);
    // The due date as it stands under the lock: a recount for a changed holiday may have moved it.
    const due = current.dueOn ?? ext.dueBefore;
    const next = input.approve ? dueAfterOn(calendar, due, ext.workdays) : null;
    const moved = await tx
      .update(businessExtensions)
      .set({
        status: input.approve ? 'approved' : 'refused',
        dueAfter: next,
        decisionNote: input.note,
        decidedBy: ctx.principal!.userId,
        decidedAt: new Date(),
      })
      .where(and(eq(businessExtensions.id, ext.id), eq(businessExtensions.status, 'pending')))
      .returning({ id: businessExtensions.id });
    if (moved.length === 0) throw extensionDecided('decided');
    if (next) {
      await tx
        .update(businessRequests)
        .set({ dueOn: next, updatedAt: new Date() })
        .where(eq(businessRequests.id, row.id));
      if (current.status === 'rectifying')
        await tx
          .update(businessRectifications)
          .set({ dueOn: next, updatedAt: new Date() })
          .where(
            and(eq(businessRectifications.requestId, row.id), eq(businessRectifications.status, 'open')),
          );
    }
    await recordEvent(tx, ctx, row.id, input.approve ? 'extension_approved' : 'extension_refused', {
      departmentId: ext.departmentId,
      note: input.note,
      data: { extensionId: ext.id, dueBefore: due, dueAfter: next },
    });
    const about = { requestId: row.id, title: row.title, departmentId: ext.departmentId };
    await tellDepartment(tx, input.approve ? 'extensionApproved' : 'extensionRefused', {
      ...about,
      extra: { dueOn: next ?? due },
    });
    // The firm waits longer only when the office grants the days; a refusal changes nothing it waits for.
    if (next)
      await tellFirm(tx, row.firmId, 'firmExtended', { ...about, extra: { dueBefore: due, dueOn: next } });
    return {
      result: undefined,
      audit: {
        entityType: 'businessRequest',
        entityId: row.id,
        before: { dueOn: due },
        after: { extensionId: ext.id, approved: input.approve, dueOn: next ?? due },
      },
    };
  },
});
