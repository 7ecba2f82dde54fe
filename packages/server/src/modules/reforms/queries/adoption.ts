import type { z } from '@hono/zod-openapi';
import { asc, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden } from '../../../errors.js';
import { adoptedSuggestionsByIds, searchAdoptedSuggestions, suggestionStates } from '../../ideas/api.js';
import type { ReformProjectSuggestion } from '../contracts.js';
import type { ReformAdoption, SuggestionReforms } from '../contracts-adoption.js';
import type { PublicReformProjectItem } from '../contracts-public.js';
import { mayEverReform } from '../policy.js';
import { reformBattleSuggestions, reformBattles, reformProjectSuggestions } from '../schema.js';
import { type LedgerProject, loadLedger } from './ledger.js';

export const projectItem = (p: LedgerProject): PublicReformProjectItem => ({
  id: p.row.id,
  code: p.row.code,
  name: p.row.name,
  listId: p.row.listId,
  leadUnit: p.lead.name,
  progress: p.progress,
  status: p.summary.status,
});

/** The projects (with today's progress from the ledger) and battles each of these suggestions became. */
export async function reformsOf(
  db: Db,
  suggestionIds: readonly string[],
): Promise<Map<string, SuggestionReforms>> {
  const out = new Map(suggestionIds.map((id) => [id, { projects: [], battles: [] } as SuggestionReforms]));
  if (suggestionIds.length === 0) return out;
  const ids = [...suggestionIds];
  const [projectLinks, battleLinks] = await Promise.all([
    db
      .select()
      .from(reformProjectSuggestions)
      .where(inArray(reformProjectSuggestions.suggestionId, ids))
      .orderBy(asc(reformProjectSuggestions.createdAt)),
    db
      .select({
        suggestionId: reformBattleSuggestions.suggestionId,
        id: reformBattles.id,
        name: reformBattles.name,
      })
      .from(reformBattleSuggestions)
      .innerJoin(reformBattles, eq(reformBattles.id, reformBattleSuggestions.battleId))
      .where(inArray(reformBattleSuggestions.suggestionId, ids))
      .orderBy(asc(reformBattles.sort), asc(reformBattles.name)),
  ]);
  // The ledger is read only when some project is linked: most suggestions became none.
  const ledger = projectLinks.length ? await loadLedger(db) : null;
  const byId = new Map((ledger?.projects ?? []).map((p) => [p.row.id, p]));
  for (const l of projectLinks) {
    const p = byId.get(l.projectId);
    if (p) out.get(l.suggestionId)!.projects.push(projectItem(p));
  }
  for (const b of battleLinks) out.get(b.suggestionId)!.battles.push({ id: b.id, name: b.name });
  return out;
}

/** What one suggestion became, for its public page: nothing for a suggestion that became nothing. */
export async function publicSuggestionReforms(db: Db, suggestionId: string): Promise<SuggestionReforms> {
  return (await reformsOf(db, [suggestionId])).get(suggestionId)!;
}

/**
 * The campaign's adopted suggestions matching `q` with what each became, for the office to take
 * one up (a project in its scope, or a battle for the district's office).
 */
export async function searchAdoptions(ctx: ServiceContext, q: string): Promise<ReformAdoption[]> {
  if (!mayEverReform(ctx.principal, 'suggestion.adopt') && !mayEverReform(ctx.principal, 'battle.write'))
    throw forbidden();
  const found = await searchAdoptedSuggestions(ctx.db, q);
  const reforms = await reformsOf(
    ctx.db,
    found.map((s) => s.id),
  );
  return found.map((s) => ({
    suggestionId: s.id,
    title: s.title,
    supports: s.supports,
    ...reforms.get(s.id)!,
  }));
}

/** One adopted suggestion with what it became (the answer of an adoption). */
export async function adoptionOf(db: Db, suggestionId: string): Promise<ReformAdoption> {
  const [s] = await adoptedSuggestionsByIds(db, [suggestionId]);
  const reforms = (await reformsOf(db, [suggestionId])).get(suggestionId)!;
  return { suggestionId, title: s?.title ?? '', supports: s?.supports ?? 0, ...reforms };
}

/** The suggestions a project came from, for its public page (titles with numbers masked). */
export async function projectSuggestions(
  db: Db,
  projectId: string,
): Promise<Array<{ id: string; title: string }>> {
  const links = await db
    .select({ suggestionId: reformProjectSuggestions.suggestionId })
    .from(reformProjectSuggestions)
    .where(eq(reformProjectSuggestions.projectId, projectId))
    .orderBy(asc(reformProjectSuggestions.createdAt));
  const shown = await adoptedSuggestionsByIds(
    db,
    links.map((l) => l.suggestionId),
  );
  return shown.map((s) => ({ id: s.id, title: s.title }));
}

/**
 * Every suggestion a project was taken up from, whatever its state now, for the console (titles
 * with numbers masked): deleting the project tells each of them.
 */
export async function linkedSuggestions(
  db: Db,
  projectId: string,
): Promise<Array<z.infer<typeof ReformProjectSuggestion>>> {
  const links = await db
    .select({ suggestionId: reformProjectSuggestions.suggestionId })
    .from(reformProjectSuggestions)
    .where(eq(reformProjectSuggestions.projectId, projectId))
    .orderBy(asc(reformProjectSuggestions.createdAt));
  const states = await suggestionStates(
    db,
    links.map((l) => l.suggestionId),
  );
  return links.flatMap((l) => {
    const s = states.get(l.suggestionId);
    return s ? [{ id: s.id, title: s.title }] : [];
  });
}
