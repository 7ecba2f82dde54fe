import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { dueAfterOn, todayInChina, workdaysLeft } from '../../../kernel/deadlines.js';
import { maskNumbersInText } from '../../../privacy.js';
import { heldCalendar } from '../../calendar/api.js';
import { unitsByIds } from '../../units/api.js';
import { listCategories } from '../queries/categories.js';
import { categoryOf, checkCategory, expectStatus, loadRequest, type RequestRow } from '../requests/lookup.js';
import { businessRequests } from '../schema.js';
import { type FirmNoticeKey, tellDepartment, tellFirm } from './notify.js';
import {
  changedMeanwhile,
  closeOpenReminders,
  recordEvent,
  withdrawPendingExtension,
} from './request-common.js';

/**
 * 分办: the office sends a request to a department, keeping the suggested one or choosing
 * another; it may re-route one not yet answered to another department (never to the one that
 * holds it, which would only reset its deadline). The department's answer is due the category's
 * working days after routing. The first routing records whether the suggestion was kept.
 *
 * A re-route gives the new department a fresh deadline, and keeps what the first one did: the
 * step records its deadline and whether it was overdue (the scorecard counts each routing, see
 * queries/scorecard.ts), withdraws the extension it was still waiting for, and closes the
 * commission's reminders it had not acknowledged (it no longer sees the request; the
 * commission may remind the new department).
 *
 * The office may correct the category the firm chose (to one in use): the deadline is then counted
 * from the corrected category's days, and the step records the change by the categories' names in
 * both languages. It may add a note for the department (what to look at, whom to work with): the
 * step keeps it for the staff, and the department's notice carries it with numbers masked.
 *
 * The department's staff are told of the request, the firm's staff of the department that holds
 * it now, the day its answer is due, and the corrected category by its name when it was corrected.
 * On a re-route, the staff of the department it left are told it has gone, and to whom.
 */
export const routeRequest = defineCommand({
  name: 'request.route',
  async load(ctx, input: RouteInput) {
    const loaded = await loadRequest(ctx, input.id, 'request.route');
    expectStatus(loaded.row, 'submitted', 'routed');
    if (loaded.row.status === 'routed' && loaded.row.departmentId === input.departmentId)
      throw new AppError('CONFLICT', 'the department holds the request already', [
        {
          path: 'departmentId',
          message: 'the department holds the request already',
          code: 'already_with_department',
        },
      ]);
    const unit = (await unitsByIds(ctx.db, [input.departmentId])).get(input.departmentId);
    if (unit?.kind !== 'department')
      throw new AppError('VALIDATION', 'not a department', [
        { path: 'departmentId', message: 'not a department', code: 'not_a_department' },
      ]);
    const { answerWorkdays, category } = await categoryFor(ctx, loaded.row, input.categoryCode);
    return { ...loaded, today: todayInChina(), category, answerWorkdays, to: unit.name };
  },
  async write(tx, ctx, { row, answerWorkdays, today, category, to }, input) {
    // Counted on the calendar as stored, under its lock, before any row lock (the order a year's
    // loading takes them): a year loaded at the same moment either finds this request routed and
    // recounts it, or is counted here. Counted before the lock, the date would keep the old count.
    const dueOn = dueAfterOn(await heldCalendar(tx), today, answerWorkdays);
    const first = row.status === 'submitted' && row.departmentId === null;
    const kept = first && row.suggestedDepartmentId ? row.suggestedDepartmentId === input.departmentId : null;
    // The due date the department leaves as it stands under the lock, not as read before the
    // transaction: an extension approved or a holiday recount meanwhile moved it, and the step
    // records the one it had to meet.
    const [held] = await tx
      .select({ dueOn: businessRequests.dueOn })
      .from(businessRequests)
      .where(eq(businessRequests.id, row.id))
      .for('update');
    const heldDueOn = held?.dueOn ?? null;
    const moved = await tx
      .update(businessRequests)
      .set({
        status: 'routed',
        departmentId: input.departmentId,
        dueOn,
        ...(category ? { categoryCode: category.to.code } : {}),
        ...(first ? { suggestionKept: kept } : {}),
        updatedAt: new Date(),
      })
      // Only from the department the checks saw: of two routings at once, the second finds the
      // request with another department (or moved on) and is refused, telling no one.
      .where(
        and(
          eq(businessRequests.id, row.id),
          inArray(businessRequests.status, ['submitted', 'routed']),
          row.departmentId === null
            ? isNull(businessRequests.departmentId)
            : eq(businessRequests.departmentId, row.departmentId),
        ),
      )
      .returning({ id: businessRequests.id });
    if (moved.length === 0) throw await changedMeanwhile(tx, row.id, row.departmentId);
    const rerouted = !first && row.departmentId !== null;
    const previous = rerouted
      ? {
          previousDepartmentId: row.departmentId,
          previousDueOn: heldDueOn,
          previousOverdue: heldDueOn !== null && heldDueOn < today,
          // How long the firm has waited, in working days since it raised the request.
          waitedWorkdays: Math.max(0, workdaysLeft(todayInChina(row.createdAt), today)),
        }
      : {};
    const withdrawn = rerouted ? await withdrawPendingExtension(tx, ctx, row.id, 'rerouted') : null;
    const closed = rerouted ? await closeOpenReminders(tx, row.id, 'rerouted', row.departmentId!) : [];
    await recordEvent(tx, ctx, row.id, 'routed', {
      departmentId: input.departmentId,
      note: input.note ?? '',
      data: {
        dueOn,
        ...(category ? { category: { from: namesOf(category.from), to: namesOf(category.to) } } : {}),
        suggestedDepartmentId: row.suggestedDepartmentId,
        kept,
        rerouted,
        ...previous,
        ...(closed.length ? { remindersClosed: closed } : {}),
      },
    });
    await tellOfRouting(tx, row, input, { rerouted, dueOn, category, to });
    return {
      result: undefined,
      audit: {
        entityType: 'businessRequest',
        entityId: row.id,
        before: {
          departmentId: row.departmentId,
          status: row.status,
          dueOn: heldDueOn,
          ...(category ? { categoryCode: category.from.code } : {}),
        },
        after: {
          departmentId: input.departmentId,
          dueOn,
          ...(category ? { categoryCode: category.to.code } : {}),
          ...(input.note ? { note: input.note } : {}),
          suggestionKept: kept,
          ...(withdrawn ? { extensionWithdrawn: withdrawn } : {}),
          ...(closed.length ? { remindersClosed: closed } : {}),
        },
      },
    };
  },
});

interface RouteInput {
  id: string;
  departmentId: string;
  /** The category corrected by the office; left out, or the request's own, it stays. */
  categoryCode?: string;
  note?: string;
}

interface CategoryNames {
  code: string;
  name: string;
  nameEn: string;
}

const namesOf = (c: CategoryNames) => ({ name: c.name, nameEn: c.nameEn });

/** The category the office corrected, from the firm's to its own. */
interface Recategorised {
  from: CategoryNames;
  to: CategoryNames;
}

/**
 * The notices of a routing: the department's staff (with the office's note, numbers masked); on a
 * re-route, the staff of the department it left, but for those over both departments, who still
 * act on it and heard of the routing instead; the firm's staff of who holds the request now and
 * by when, with a corrected category by its name in both languages (the web words it in the
 * reader's).
 */
async function tellOfRouting(
  tx: Tx,
  row: RequestRow,
  input: RouteInput,
  step: { rerouted: boolean; dueOn: string; category: Recategorised | null; to: string },
) {
  const { rerouted, dueOn, category } = step;
  const about = { requestId: row.id, title: row.title, departmentId: input.departmentId };
  const told = await tellDepartment(
    tx,
    input.note ? 'routedWithNote' : 'routed',
    input.note ? { ...about, extra: { note: maskNumbersInText(input.note) } } : about,
  );
  if (rerouted)
    // Staff over both departments heard of the routing already.
    await tellDepartment(
      tx,
      'reroutedAway',
      { ...about, departmentId: row.departmentId!, extra: { to: step.to } },
      told,
    );
  await tellFirm(tx, row.firmId, firmNotice(rerouted, category !== null), {
    ...about,
    extra: {
      dueOn,
      ...(category ? { category: category.to.name, categoryEn: category.to.nameEn || category.to.name } : {}),
    },
  });
}

/** The firm's notice of a routing: a first one or a re-route, saying so when the category was corrected. */
const firmNotice = (rerouted: boolean, recategorised: boolean): FirmNoticeKey =>
  rerouted
    ? recategorised
      ? 'firmReroutedCategoryCorrected'
      : 'firmRerouted'
    : recategorised
      ? 'firmRoutedCategoryCorrected'
      : 'firmRouted';

/**
 * The answer's working days, from the corrected category when the office changes it (it must be
 * in use), else from the request's own (a retired one still counts its days).
 */
async function categoryFor(ctx: ServiceContext, row: RequestRow, code: string | undefined) {
  if (code !== undefined && code !== row.categoryCode) {
    const to = await checkCategory(ctx, code);
    // The request's category is a row of the catalogue (a foreign key), retired or not.
    const from = (await listCategories(ctx.db)).find((c) => c.code === row.categoryCode)!;
    return { answerWorkdays: to.answerWorkdays, category: { from, to } };
  }
  const { answerWorkdays } = await categoryOf(ctx, row.categoryCode);
  return { answerWorkdays, category: null };
}
