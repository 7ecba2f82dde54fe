import { battleProgress, planBands } from '@qianxing/core/reforms';
import { asc } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden, notFound } from '../../../errors.js';
import { maskNumbersInText } from '../../../privacy.js';
import {
  type AdoptedSuggestion,
  adoptedSuggestionsByIds,
  searchAdoptedSuggestions,
} from '../../ideas/api.js';
import type { ReformBattle, ReformBattleList, ReformPlan } from '../contracts-battles.js';
import { canReform, mayEverReform } from '../policy.js';
import {
  reformBattlePhases,
  reformBattleProjects,
  reformBattleSuggestions,
  reformBattles,
  reformPlan,
} from '../schema.js';
import { loadLedger } from './ledger.js';

export type BattleRow = typeof reformBattles.$inferSelect;

/** The three-step plan with its steps' dates, or null before the office has set its start. */
export async function loadPlan(db: Db): Promise<ReformPlan | null> {
  const [row] = await db.select().from(reformPlan);
  return row ? { startDate: row.startDate, steps: planBands(row.startDate) } : null;
}

const groupBy = <T extends { battleId: string }>(rows: readonly T[]) => {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.battleId, [...(out.get(r.battleId) ?? []), r]);
  return out;
};

/**
 * Every battle with its phases, projects (their progress from the ledger's roll-up) and adopted
 * suggestions, and its progress (`battleProgress`): the mean over phases and projects together.
 */
export async function loadBattles(db: Db): Promise<Array<ReformBattle & { leadPath: string }>> {
  const [battles, phases, projectLinks, suggestionLinks, ledger] = await Promise.all([
    db.select().from(reformBattles).orderBy(asc(reformBattles.sort), asc(reformBattles.name)),
    db
      .select()
      .from(reformBattlePhases)
      .orderBy(asc(reformBattlePhases.sort), asc(reformBattlePhases.startDate)),
    db.select().from(reformBattleProjects),
    db.select().from(reformBattleSuggestions),
    loadLedger(db),
  ]);
  const projects = new Map(ledger.projects.map((p) => [p.row.id, p]));
  const suggestions = new Map(
    (await adoptedSuggestionsByIds(db, [...new Set(suggestionLinks.map((s) => s.suggestionId))])).map((s) => [
      s.id,
      s,
    ]),
  );
  const phasesOf = groupBy(phases);
  const projectsOf = groupBy(projectLinks);
  const suggestionsOf = groupBy(suggestionLinks);
  return battles.map((b) => {
    const ps = (phasesOf.get(b.id) ?? []).map((p) => ({
      name: p.name,
      startDate: p.startDate,
      endDate: p.endDate,
      target: p.target,
      progress: p.progress,
    }));
    const linked = (projectsOf.get(b.id) ?? [])
      .flatMap((l) => projects.get(l.projectId) ?? [])
      .sort((x, y) => x.row.code.localeCompare(y.row.code))
      .map((p) => ({
        id: p.row.id,
        code: p.row.code,
        name: p.row.name,
        progress: p.progress,
        status: p.summary.status,
      }));
    const lead = ledger.units.get(b.leadUnitId);
    return {
      id: b.id,
      name: b.name,
      goal: b.goal,
      leadUnitId: b.leadUnitId,
      leadUnit: lead?.name ?? '',
      leadPath: lead?.path ?? '',
      step: b.step,
      sort: b.sort,
      progress: battleProgress({
        phases: ps.map((p) => p.progress),
        projects: linked.map((p) => p.progress),
      }),
      phases: ps,
      projects: linked,
      suggestions: (suggestionsOf.get(b.id) ?? []).flatMap((s) => suggestions.get(s.suggestionId) ?? []),
    };
  });
}

const publicOf = ({ leadPath: _, ...b }: ReformBattle & { leadPath: string }): ReformBattle => b;

/** A battle as the public reads it: a phone or ID number typed into its words masked, as on a project's page. */
const maskedForPublic = (b: ReformBattle): ReformBattle => ({
  ...b,
  goal: maskNumbersInText(b.goal),
  phases: b.phases.map((p) => ({
    ...p,
    name: maskNumbersInText(p.name),
    target: maskNumbersInText(p.target),
  })),
});

/** The plan and every battle, as anyone may read them. */
export async function publicBattles(db: Db) {
  const [plan, battles] = await Promise.all([loadPlan(db), loadBattles(db)]);
  return { plan, battles: battles.map((b) => maskedForPublic(publicOf(b))) };
}

/** The battles the caller reads (the office all, a lead unit its own) and whether they keep them. */
export async function listBattles(ctx: ServiceContext): Promise<ReformBattleList> {
  if (!mayEverReform(ctx.principal, 'battle.read')) throw forbidden();
  const [plan, battles] = await Promise.all([loadPlan(ctx.db), loadBattles(ctx.db)]);
  return {
    plan,
    battles: battles
      .filter((b) => canReform(ctx.principal, 'battle.read', { unitPath: b.leadPath }))
      .map(publicOf),
    actions: { write: canReform(ctx.principal, 'battle.write') },
  };
}

export async function getBattle(ctx: ServiceContext, id: string): Promise<ReformBattle> {
  if (!mayEverReform(ctx.principal, 'battle.read')) throw forbidden();
  const battle = (await loadBattles(ctx.db)).find((b) => b.id === id);
  if (!battle || !canReform(ctx.principal, 'battle.read', { unitPath: battle.leadPath }))
    throw notFound('battle');
  return publicOf(battle);
}

/** The campaign's adopted suggestions matching `q`, for the office to put under a battle. */
export async function adoptedSuggestions(ctx: ServiceContext, q: string): Promise<AdoptedSuggestion[]> {
  if (!canReform(ctx.principal, 'battle.write')) throw forbidden();
  return searchAdoptedSuggestions(ctx.db, q);
}
