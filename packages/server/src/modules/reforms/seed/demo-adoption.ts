import { eq, sql } from 'drizzle-orm';
import { audit, systemActor } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import { transaction } from '../../../db/transaction.js';
import { followReform, searchAdoptedSuggestions, searchTokens } from '../../ideas/api.js';
import { reformProjectSuggestions, reformProjects } from '../schema.js';

/** How many of the campaign's most supported adopted suggestions the demo turns into projects. */
const LINKED = 3;

/** Words of two characters or more: single characters (的, 和) match everything. */
const words = (text: string) =>
  new Set(
    searchTokens(text)
      .split(' ')
      .filter((w) => w.length >= 2),
  );

/**
 * Links the campaign's most supported adopted suggestions to the demo projects whose names share
 * the most words with them (采纳转化), each told on its timeline, so the suggestion's public page
 * shows a project's progress and the project's page the suggestion. Runs once.
 */
export async function seedAdoptionDemo(ctx: ServiceContext): Promise<void> {
  const [has] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(reformProjectSuggestions);
  if ((has?.n ?? 0) > 0) return;
  const projects = (
    await ctx.db
      .select({ id: reformProjects.id, name: reformProjects.name })
      .from(reformProjects)
      .where(eq(reformProjects.isDemo, true))
      .orderBy(reformProjects.code)
  ).map((p) => ({ ...p, words: words(p.name) }));
  if (projects.length === 0) return;
  const adopted = (await searchAdoptedSuggestions(ctx.db, '', 50)).slice(0, LINKED);
  const links = adopted.map((s, k) => {
    const mine = words(s.title);
    const scored = projects.map((p) => ({ p, score: [...p.words].filter((w) => mine.has(w)).length }));
    const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
    // A suggestion sharing no word with any project goes to one in turn, as a battle's do.
    const project = best.score > 0 ? best.p : projects[(k * 17) % projects.length]!;
    return { suggestionId: s.id, projectId: project.id, projectName: project.name };
  });
  if (links.length === 0) return;
  await transaction(ctx.db, async (tx) => {
    await tx
      .insert(reformProjectSuggestions)
      .values(links.map(({ suggestionId, projectId }) => ({ suggestionId, projectId })))
      .onConflictDoNothing();
    for (const l of links)
      await followReform(tx, [l.suggestionId], 'reformProject', {
        projectId: l.projectId,
        projectName: l.projectName,
      });
    await audit(tx, systemActor('seed'), {
      action: 'reforms.seedAdoptionDemo',
      entityType: 'reforms',
      entityId: 'demo',
      after: { links: links.length },
    });
  });
}
