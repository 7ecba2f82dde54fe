import { and, eq, isNull } from 'drizzle-orm';
import { refuseOnUniqueViolation } from '../../../db/sql-state.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { deliver } from '../../../kernel/notifications.js';
import type { AssignInput, AssignResult, LiaisonSettings } from '../contracts-liaison.js';
import { mayEverLiaison } from '../policy-liaison.js';
import { liaisonSettings, loadLiaisonView } from '../queries/liaison-view.js';
import { businessLiaisonPairs, businessLiaisonSettings } from '../schema.js';

type Issue = { path: string; message: string; code: string };

/** Another office member changed the firm's cadre since the pairings were read (CONFLICT, `paired_meanwhile`). */
const pairedMeanwhile = (index: number) =>
  new AppError('CONFLICT', "the firm's cadre changed meanwhile", [
    {
      path: `pairs.${index}.firmId`,
      message: "the firm's cadre changed meanwhile",
      code: 'paired_meanwhile',
    },
  ]);

/**
 * The office applies pairings (a proposal it edited, or single changes): a firm that changes
 * cadre ends its pairing today and starts another, so the history stays. Every firm must be in
 * the office's scope and every cadre on its roster; one wrong row refuses the whole change.
 */
export const assignLiaison = defineCommand({
  name: 'liaison.assign',
  async load(ctx, input: AssignInput) {
    const view = await loadLiaisonView(ctx, 'liaison.assign');
    const firms = new Map(view.firms.map((f) => [f.id, f]));
    const roster = new Set(view.cadres.map((c) => c.id));
    const issues: Issue[] = [];
    const seen = new Set<string>();
    input.pairs.forEach((p, i) => {
      if (!firms.has(p.firmId))
        issues.push({ path: `pairs.${i}.firmId`, message: 'no such firm in scope', code: 'unknown_firm' });
      else if (seen.has(p.firmId))
        issues.push({ path: `pairs.${i}.firmId`, message: 'listed twice', code: 'listed_twice' });
      if (p.cadreId && !roster.has(p.cadreId))
        issues.push({
          path: `pairs.${i}.cadreId`,
          message: 'not a cadre of the roster',
          code: 'not_a_cadre',
        });
      seen.add(p.firmId);
    });
    if (issues.length) throw new AppError('VALIDATION', 'invalid pairings', issues.slice(0, 50));
    const changes = input.pairs.flatMap((p, index) =>
      (firms.get(p.firmId)!.cadreId ?? null) !== p.cadreId ? [{ ...p, index }] : [],
    );
    return { changes, firms, unchanged: input.pairs.length - changes.length };
  },
  async write(tx, ctx, { changes, firms, unchanged }) {
    const today = todayInChina();
    let paired = 0;
    let ended = 0;
    for (const change of changes) {
      const before = firms.get(change.firmId)!.cadreId;
      // Only from the pairing the office saw: another office member's change made meanwhile is
      // not overwritten unseen, and two pairings of an unpaired firm meet at the unique index.
      if (before) {
        const endedNow = await tx
          .update(businessLiaisonPairs)
          .set({ endedOn: today })
          .where(
            and(
              eq(businessLiaisonPairs.firmId, change.firmId),
              eq(businessLiaisonPairs.cadreId, before),
              isNull(businessLiaisonPairs.endedOn),
            ),
          )
          .returning({ id: businessLiaisonPairs.id });
        if (endedNow.length === 0) throw pairedMeanwhile(change.index);
        ended += 1;
      }
      if (change.cadreId) {
        await tx
          .insert(businessLiaisonPairs)
          .values({
            firmId: change.firmId,
            cadreId: change.cadreId,
            pairedOn: today,
            assignedBy: ctx.principal!.userId,
          })
          .catch(refuseOnUniqueViolation(() => pairedMeanwhile(change.index)));
        paired += 1;
      }
    }
    const result: AssignResult = { paired, ended, unchanged };
    return {
      result,
      audit: changes.length
        ? changes.map((c) => ({
            entityType: 'firm',
            entityId: c.firmId,
            before: { cadreId: firms.get(c.firmId)!.cadreId },
            after: { cadreId: c.cadreId },
          }))
        : { entityType: 'liaison', entityId: 'pairs', after: result },
    };
  },
});

/** The district office sets how often paired firms are visited and how early a visit is flagged. */
export const updateLiaisonSettings = defineCommand({
  name: 'liaisonSettings.update',
  async load(ctx, _input: LiaisonSettings) {
    if (!mayEverLiaison(ctx.principal, 'liaison.configure')) throw forbidden();
    return liaisonSettings(ctx.db);
  },
  async write(tx, _ctx, before, input) {
    const row = { id: 1, ...input, updatedAt: new Date() };
    await tx
      .insert(businessLiaisonSettings)
      .values(row)
      .onConflictDoUpdate({ target: businessLiaisonSettings.id, set: row });
    return {
      result: input,
      audit: { entityType: 'liaisonSettings', entityId: 'business', before, after: input },
    };
  },
});

/**
 * Tells each cadre of the office's scope how many of their firms are overdue for a visit, naming
 * the longest overdue; a cadre with none overdue is not told.
 */
export const remindCadres = defineCommand({
  name: 'liaison.remind',
  async load(ctx, _input: Record<string, never>) {
    const view = await loadLiaisonView(ctx, 'liaison.remind');
    const byCadre = new Map<string, Array<{ name: string; days: number }>>();
    for (const f of view.firms)
      if (f.cadreId && f.due?.state === 'overdue')
        byCadre.set(f.cadreId, [
          ...(byCadre.get(f.cadreId) ?? []),
          { name: f.name, days: f.due.daysOverdue },
        ]);
    return byCadre;
  },
  async write(tx, _ctx, byCadre) {
    const notices = [...byCadre].map(([userId, firms]) => {
      const worst = [...firms].sort((a, b) => b.days - a.days);
      return {
        userId,
        key: 'business.notice.visitsOverdue',
        params: { count: firms.length, firm: worst[0]!.name, days: worst[0]!.days },
      };
    });
    await deliver(tx, notices);
    const result = { cadres: notices.length, firms: [...byCadre.values()].reduce((n, f) => n + f.length, 0) };
    return { result, audit: { entityType: 'liaison', entityId: 'reminders', after: result } };
  },
});
