import { and, eq, inArray, sql } from 'drizzle-orm';
import { audit, systemActor } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import { transaction } from '../../../db/transaction.js';
import { searchAdoptedSuggestions } from '../../ideas/api.js';
import { unitBriefs } from '../../units/api.js';
import { caseTokens } from '../commands/case-common.js';
import {
  reformBattlePhases,
  reformBattleProjects,
  reformBattleSuggestions,
  reformBattles,
  reformCases,
  reformPlan,
  reformProjects,
} from '../schema.js';
import { demoBattles, demoPlanStart } from './demo-battles.js';
import { demoCases } from './demo-cases.js';

/** The day the demo stands at, as for the projects' milestones. */
const asOf = '2026-11-30';
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/** Done before the demo's day, nothing after it, and the share of time elapsed (to a tenth) between. */
function phaseProgress(start: string, end: string): number {
  if (end <= asOf) return 1;
  if (start > asOf) return 0;
  return Math.floor((days(start, asOf) / days(start, end)) * 10) / 10;
}

/**
 * The ten key battles with their phases, demo projects and the campaign's adopted suggestions
 * (shared out in turn), the plan's start, and eight cases. Runs once: skipped when battles exist.
 */
export async function seedBattlesDemo(ctx: ServiceContext): Promise<void> {
  const [has] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(reformBattles);
  if ((has?.n ?? 0) > 0) return;
  const units = new Map((await unitBriefs(ctx.db)).map((u) => [u.code, u.id]));
  const names = [...new Set([...demoBattles.flatMap((b) => b.projects), ...demoCases.map((c) => c.project)])];
  const projects = new Map(
    (
      await ctx.db
        .select({ id: reformProjects.id, name: reformProjects.name })
        .from(reformProjects)
        .where(and(inArray(reformProjects.name, names), eq(reformProjects.isDemo, true)))
    ).map((p) => [p.name, p.id]),
  );
  if (projects.size === 0) return;
  const adopted = await searchAdoptedSuggestions(ctx.db, '', 50);
  await transaction(ctx.db, async (tx) => {
    await tx.insert(reformPlan).values({ id: 1, startDate: demoPlanStart }).onConflictDoNothing();
    const rows = await tx
      .insert(reformBattles)
      .values(
        demoBattles.map((b, sort) => ({
          name: b.name,
          goal: b.goal,
          leadUnitId: units.get(b.lead)!,
          step: b.step,
          sort: sort + 1,
          isDemo: true,
        })),
      )
      .returning({ id: reformBattles.id });
    const phases = demoBattles.flatMap((b, i) =>
      b.phases.map((line, sort) => {
        const [name, startDate, endDate, target] = line.split('|') as [string, string, string, string];
        const progress = phaseProgress(startDate, endDate);
        return { battleId: rows[i]!.id, sort, name, startDate, endDate, target, progress };
      }),
    );
    await tx.insert(reformBattlePhases).values(phases);
    const links = demoBattles.flatMap((b, i) =>
      b.projects.flatMap((name) => {
        const projectId = projects.get(name);
        return projectId ? [{ battleId: rows[i]!.id, projectId }] : [];
      }),
    );
    if (links.length) await tx.insert(reformBattleProjects).values(links);
    const ideas = adopted.map((s, k) => ({ battleId: rows[k % rows.length]!.id, suggestionId: s.id }));
    if (ideas.length) await tx.insert(reformBattleSuggestions).values(ideas);
    const cases = demoCases.flatMap((c, k) => {
      const projectId = projects.get(c.project);
      if (!projectId) return [];
      const published = k < demoCases.length - 1;
      const text = { ...c, adoptedIn: [...c.adoptedIn] };
      return [
        {
          projectId,
          title: c.title,
          summary: c.summary,
          measures: c.measures,
          results: c.results,
          adoptedIn: text.adoptedIn,
          status: published ? ('published' as const) : ('draft' as const),
          publishedAt: published ? new Date(Date.parse('2026-06-01T02:00:00Z') + k * 12 * 86_400_000) : null,
          tokens: caseTokens(text, c.project),
          isDemo: true,
        },
      ];
    });
    if (cases.length) await tx.insert(reformCases).values(cases);
    await audit(tx, systemActor('seed'), {
      action: 'reforms.seedBattlesDemo',
      entityType: 'reforms',
      entityId: 'demo-battles',
      after: { battles: rows.length, phases: phases.length, projects: links.length, cases: cases.length },
    });
  });
}
