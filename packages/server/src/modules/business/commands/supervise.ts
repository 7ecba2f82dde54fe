import { and, eq, isNull } from 'drizzle-orm';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { maskNumbersInText } from '../../../privacy.js';
import type { AcknowledgeInput, SupervisionInput } from '../contracts-supervision.js';
import { mayEverRequest } from '../policy.js';
import { loadRequest } from '../requests/lookup.js';
import { businessRequests, businessSupervision, isClosedStatus, type ReminderClosing } from '../schema.js';
import { tellDepartment } from './notify.js';
import { routedMeanwhile } from './request-common.js';

/**
 * The commission records a note on a request, or sends the department that holds it a formal
 * reminder (督办), which its staff are told of in the same transaction and must acknowledge. The
 * notice carries the reminder's text with phone and ID numbers masked; the trail keeps it whole.
 */
export const superviseRequest = defineCommand({
  name: 'supervision.add',
  async load(ctx, input: { requestId: string; entry: SupervisionInput }) {
    const l = await loadRequest(ctx, input.requestId, 'supervision.write');
    if (input.entry.kind === 'reminder' && (!l.row.departmentId || isClosedStatus(l.row.status)))
      throw notWithADepartment();
    return l;
  },
  async write(tx, ctx, l, { entry }) {
    const departmentId = entry.kind === 'reminder' ? l.row.departmentId : null;
    if (departmentId) {
      // A reminder goes to the department that holds the request while it is open. The lock holds
      // off a closing or a re-route until it commits (which then closes it); one that came first
      // refuses it, rather than leave it open on a request nobody owes anything on.
      const [now] = await tx
        .select({ status: businessRequests.status, departmentId: businessRequests.departmentId })
        .from(businessRequests)
        .where(eq(businessRequests.id, l.row.id))
        .for('update');
      if (!now || isClosedStatus(now.status)) throw notWithADepartment();
      if (now.departmentId !== departmentId) throw routedMeanwhile();
    }
    const [row] = await tx
      .insert(businessSupervision)
      .values({
        requestId: l.row.id,
        kind: entry.kind,
        body: entry.body,
        departmentId,
        issuedBy: ctx.principal!.userId,
      })
      .returning({ id: businessSupervision.id });
    if (departmentId)
      await tellDepartment(tx, 'reminded', {
        requestId: l.row.id,
        title: l.row.title,
        departmentId,
        // A notice is a line in an inbox: numbers in the commission's text masked as in lists.
        extra: { body: maskNumbersInText(entry.body) },
      });
    return {
      result: { id: row!.id },
      audit: { entityType: 'businessRequest', entityId: l.row.id, after: { supervision: row!.id, ...entry } },
    };
  },
});

/** Only a request a department holds, not closed, is reminded (INVALID_STATE, `not_with_a_department`). */
const notWithADepartment = () =>
  new AppError('INVALID_STATE', 'only a request a department holds is reminded', [
    { path: 'kind', message: 'no department holds this request', code: 'not_with_a_department' },
  ]);

/** The reminder is acknowledged already (CONFLICT, `acknowledged_already`), maybe by a colleague. */
const acknowledgedAlready = () =>
  new AppError('CONFLICT', 'acknowledged already', [
    { path: 'note', message: 'the reminder is acknowledged already', code: 'acknowledged_already' },
  ]);

/**
 * The reminder was closed unacknowledged (INVALID_STATE): by the request's re-route
 * (`reminder_closed`) or its closing (`reminder_request_closed`).
 */
const reminderClosed = (reason: ReminderClosing | null) =>
  new AppError('INVALID_STATE', 'the reminder is closed', [
    reason === 'requestClosed'
      ? { path: 'note', message: 'the request is closed', code: 'reminder_request_closed' }
      : { path: 'note', message: 'the request went to another department', code: 'reminder_closed' },
  ]);

/** The department acknowledges a reminder once, saying what it does about it. */
export const acknowledgeReminder = defineCommand({
  name: 'supervision.acknowledge',
  async load(ctx, input: { id: string; ack: AcknowledgeInput }) {
    // A role that acknowledges nothing learns nothing of which reminders exist.
    if (!mayEverRequest(ctx.principal, 'supervision.acknowledge')) throw forbidden();
    const [entry] = await ctx.db
      .select()
      .from(businessSupervision)
      .where(eq(businessSupervision.id, input.id));
    if (entry?.kind !== 'reminder') throw notFound('reminder');
    const l = await loadRequest(ctx, entry.requestId, 'supervision.acknowledge');
    if (entry.departmentId !== l.row.departmentId) throw notFound('reminder');
    if (entry.acknowledgedAt) throw acknowledgedAlready();
    if (entry.closedAt) throw reminderClosed(entry.closedReason);
    return entry;
  },
  async write(tx, ctx, entry, { ack }) {
    // Conditional on still being open: of two acknowledgements racing, one wins.
    const done = await tx
      .update(businessSupervision)
      .set({ acknowledgedAt: new Date(), acknowledgedBy: ctx.principal!.userId, acknowledgement: ack.note })
      .where(
        and(
          eq(businessSupervision.id, entry.id),
          isNull(businessSupervision.acknowledgedAt),
          isNull(businessSupervision.closedAt),
        ),
      )
      .returning({ id: businessSupervision.id });
    if (done.length === 0) {
      // Acknowledged by a colleague, or closed with its request, since it was read.
      const [now] = await tx.select().from(businessSupervision).where(eq(businessSupervision.id, entry.id));
      throw now?.closedAt ? reminderClosed(now.closedReason) : acknowledgedAlready();
    }
    return {
      result: { id: entry.id, requestId: entry.requestId },
      audit: {
        entityType: 'businessRequest',
        entityId: entry.requestId,
        after: { acknowledged: entry.id, note: ack.note },
      },
    };
  },
});
