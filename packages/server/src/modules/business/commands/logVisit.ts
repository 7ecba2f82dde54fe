import type { Tx } from '../../../db/transaction.js';
import { AppError, type FieldError, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import type { VisitInput } from '../contracts-liaison.js';
import { loadFirmRow } from '../lookup.js';
import { currentPair, heldPair, unpairedMeanwhile } from '../pairs.js';
import { canLiaison, mayEverLiaison } from '../policy-liaison.js';
import { listCategories } from '../queries/categories.js';
import { findRepeat } from '../requests/repeats.js';
import { suggestDepartment } from '../routing.js';
import { businessLiaisonIssues, businessLiaisonVisits } from '../schema.js';
import { insertRequest } from './raiseRequest.js';

/** The visit's cadre is still the firm's, from before the visit's day, as the pairing stands under its lock. */
async function holdPairing(tx: Tx, firmId: string, cadreId: string, visitedOn: string) {
  const pair = await heldPair(tx, firmId);
  if (pair?.cadreId !== cadreId) throw unpairedMeanwhile('visitedOn');
  if (visitedOn < pair.pairedOn)
    throw new AppError('VALIDATION', 'invalid visit', [
      {
        path: 'visitedOn',
        message: `before the pairing (${pair.pairedOn})`,
        code: 'date_before_pairing',
        params: { date: pair.pairedOn },
      },
    ]);
}

/**
 * A cadre logs a visit to a firm paired with them. Each issue the firm raised may become the
 * firm's request in the same step (and transaction), raised on its behalf and linked to the visit.
 * A pairing the office ends or changes meanwhile refuses the visit (`unpaired_meanwhile`).
 */
export const logVisit = defineCommand({
  name: 'visit.log',
  async load(ctx, input: { firmId: string; visit: VisitInput }) {
    if (!mayEverLiaison(ctx.principal, 'visit.log')) throw notFound('firm');
    const { row, town } = await loadFirmRow(ctx, input.firmId);
    const pair = await currentPair(ctx.db, row.id);
    const paired = pair?.cadreId === ctx.principal!.userId;
    if (!canLiaison(ctx.principal, 'visit.log', { townPath: town.path, paired })) throw notFound('firm');
    const { visit } = input;
    const categories = new Map((await listCategories(ctx.db)).map((c) => [c.code, c]));
    const issues: FieldError[] = [];
    if (visit.visitedOn > todayInChina())
      issues.push({
        path: 'visitedOn',
        message: 'a visit is logged once it happened',
        code: 'date_in_future',
      });
    // A cadre logs the visits they made to the firm while paired with it.
    else if (pair && visit.visitedOn < pair.pairedOn)
      issues.push({
        path: 'visitedOn',
        message: `before the pairing (${pair.pairedOn})`,
        code: 'date_before_pairing',
        params: { date: pair.pairedOn },
      });
    visit.issues.forEach((issue, i) => {
      if (issue.categoryCode && !categories.get(issue.categoryCode)?.active)
        issues.push({
          path: `issues.${i}.categoryCode`,
          message: 'no such category',
          code: 'unknown_category',
        });
      else if (issue.raise && !issue.categoryCode)
        issues.push({
          path: `issues.${i}.categoryCode`,
          message: 'a request needs a category',
          code: 'required',
        });
    });
    if (issues.length) throw new AppError('VALIDATION', 'invalid visit', issues);
    const suggestions = await Promise.all(
      visit.issues.map((issue) => (issue.raise ? suggestDepartment(ctx.db, issue.title, issue.body) : null)),
    );
    const repeats = await Promise.all(
      visit.issues.map((issue) => (issue.raise ? findRepeat(ctx.db, row.id, issue.title, issue.body) : null)),
    );
    return { firm: row, suggestions, repeats };
  },
  async write(tx, ctx, { firm, suggestions, repeats }, { visit }) {
    // The pairing checked before this transaction is checked again under its row's lock.
    await holdPairing(tx, firm.id, ctx.principal!.userId, visit.visitedOn);
    const [row] = await tx
      .insert(businessLiaisonVisits)
      .values({
        firmId: firm.id,
        cadreId: ctx.principal!.userId,
        visitedOn: visit.visitedOn,
        attendees: visit.attendees,
        topics: visit.topics,
      })
      .returning({ id: businessLiaisonVisits.id });
    const visitId = row!.id;
    const raised: string[] = [];
    for (const [seq, issue] of visit.issues.entries()) {
      const requestId = issue.raise
        ? await insertRequest(tx, ctx, {
            firmId: firm.id,
            categoryCode: issue.categoryCode!,
            title: issue.title,
            body: issue.body,
            suggestion: suggestions[seq] ?? null,
            repeat: repeats[seq] ?? null,
            onBehalf: { visitId },
            visitedOn: visit.visitedOn,
          })
        : null;
      if (requestId) raised.push(requestId);
      await tx.insert(businessLiaisonIssues).values({
        visitId,
        seq,
        title: issue.title,
        body: issue.body,
        categoryCode: issue.categoryCode ?? null,
        requestId,
      });
    }
    return {
      result: { id: visitId, requests: raised },
      audit: [
        {
          entityType: 'firm',
          entityId: firm.id,
          after: { visit: visitId, visitedOn: visit.visitedOn, issues: visit.issues.length },
        },
        ...raised.map((id) => ({
          entityType: 'businessRequest',
          entityId: id,
          after: { firmId: firm.id, visitId },
        })),
      ],
    };
  },
});
