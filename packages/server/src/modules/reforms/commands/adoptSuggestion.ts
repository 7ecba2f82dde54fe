import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { followReform, type SuggestionState, suggestionStates } from '../../ideas/api.js';
import { unitsByIds } from '../../units/api.js';
import type {
  AdoptAsProjectInput,
  AdoptIntoBattleInput,
  AdoptIntoProjectInput,
  ReformAdoption,
} from '../contracts-adoption.js';
import { canReform } from '../policy.js';
import { adoptionOf } from '../queries/adoption.js';
import { projectForReading } from '../queries/projects.js';
import {
  reformBattleSuggestions,
  reformProjectSuggestions,
  reformProjects,
  reformProjectUnits,
} from '../schema.js';
import { assignmentNotices, tellUnits, unitStaff, unitsOf } from './assigned-notice.js';
import { loadBattleRow, mayKeepBattles } from './battle-common.js';
import { holdBattleKey, holdListOf, holdProjectKey, holdUnitsOf } from './held-parents.js';
import { checkCodeFree, checkLeadInScope, checkReferences, mayAtAll } from './project-common.js';

/** Only a suggestion the campaign adopted (采纳) becomes a project or a battle's task. */
async function adoptedSuggestion(db: Db, id: string): Promise<SuggestionState> {
  const s = (await suggestionStates(db, [id])).get(id);
  if (!s)
    throw new AppError('NOT_FOUND', 'suggestion not found', [
      { path: 'suggestionId', message: 'no such suggestion', code: 'unknown_suggestion' },
    ]);
  if (s.status !== 'adopted')
    throw new AppError('VALIDATION', 'the suggestion is not adopted', [
      { path: 'suggestionId', message: 'adopt it in the campaign first', code: 'not_adopted' },
    ]);
  return s;
}

const alreadyLinked = (path: string) =>
  new AppError('CONFLICT', 'the suggestion is linked already', [
    { path, message: 'linked already', code: 'already_linked' },
  ]);

/** Links an adopted suggestion to a project in the office's scope, once. */
const linkProject = defineCommand({
  name: 'reformAdoption.linkProject',
  async load(ctx, input: AdoptIntoProjectInput) {
    mayAtAll(ctx, 'suggestion.adopt');
    const suggestion = await adoptedSuggestion(ctx.db, input.suggestionId);
    const p = await projectForReading(ctx, input.projectId);
    if (!canReform(ctx.principal, 'suggestion.adopt', p.resource)) throw forbidden();
    const [linked] = await ctx.db
      .select()
      .from(reformProjectSuggestions)
      .where(
        and(
          eq(reformProjectSuggestions.projectId, input.projectId),
          eq(reformProjectSuggestions.suggestionId, input.suggestionId),
        ),
      );
    if (linked) throw alreadyLinked('projectId');
    return { suggestion, name: p.row.name };
  },
  async write(tx, ctx, { name }, input) {
    // The project may have been deleted since the checks.
    await holdProjectKey(tx, input.projectId);
    await tx.insert(reformProjectSuggestions).values({ ...input, createdBy: ctx.principal!.userId });
    await followReform(tx, [input.suggestionId], 'reformProject', {
      projectId: input.projectId,
      projectName: name,
    });
    return {
      result: input.suggestionId,
      audit: { entityType: 'reformProject', entityId: input.projectId, after: input },
    };
  },
});

/** The project's own checks, their fields named under `project` as the body has them. */
async function projectField<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    throw new AppError(
      e.code,
      e.message,
      e.errors.map((f) => ({ ...f, path: `project.${f.path}` })),
    );
  }
}

/** Puts a new project on a list for an adopted suggestion, as the office creates any project. */
const createProject = defineCommand({
  name: 'reformAdoption.createProject',
  async load(ctx, { suggestionId, project }: AdoptAsProjectInput) {
    mayAtAll(ctx, 'suggestion.adopt');
    mayAtAll(ctx, 'project.create');
    const lead = (await unitsByIds(ctx.db, [project.leadUnitId])).get(project.leadUnitId);
    if (lead) checkLeadInScope(ctx, 'project.create', lead);
    if (lead && !canReform(ctx.principal, 'suggestion.adopt', { unitPath: lead.path })) throw forbidden();
    await projectField(() => checkReferences(ctx.db, project));
    await projectField(() => checkCodeFree(ctx.db, project.code));
    return {
      suggestion: await adoptedSuggestion(ctx.db, suggestionId),
      who: await unitStaff(ctx.db, ctx.principal!.userId, unitsOf(project)),
    };
  },
  async write(tx, ctx, { who }, { suggestionId, project: { coUnitIds, ...fields } }) {
    // The list or a unit may have been deleted since the checks.
    await projectField(() => holdListOf(tx, fields.listId));
    await projectField(() => holdUnitsOf(tx, { leadUnitId: fields.leadUnitId, coUnitIds }));
    const [row] = await tx.insert(reformProjects).values(fields).returning();
    if (coUnitIds.length)
      await tx.insert(reformProjectUnits).values(coUnitIds.map((unitId) => ({ projectId: row!.id, unitId })));
    await tellUnits(tx, assignmentNotices(undefined, { ...row!, coUnitIds }, who));
    await tx
      .insert(reformProjectSuggestions)
      .values({ projectId: row!.id, suggestionId, createdBy: ctx.principal!.userId });
    await followReform(tx, [suggestionId], 'reformProject', { projectId: row!.id, projectName: row!.name });
    return {
      result: suggestionId,
      audit: {
        entityType: 'reformProject',
        entityId: row!.id,
        after: { ...fields, coUnitIds, suggestionId },
      },
    };
  },
});

/** Makes an adopted suggestion a task of a key battle (the district's office keeps the battles), once. */
const linkBattle = defineCommand({
  name: 'reformAdoption.linkBattle',
  async load(ctx, input: AdoptIntoBattleInput) {
    mayKeepBattles(ctx);
    const battle = await loadBattleRow(ctx.db, input.battleId);
    const suggestion = await adoptedSuggestion(ctx.db, input.suggestionId);
    const [linked] = await ctx.db
      .select()
      .from(reformBattleSuggestions)
      .where(
        and(
          eq(reformBattleSuggestions.battleId, input.battleId),
          eq(reformBattleSuggestions.suggestionId, input.suggestionId),
        ),
      );
    if (linked) throw alreadyLinked('battleId');
    return { suggestion, name: battle.name };
  },
  async write(tx, _ctx, { name }, input) {
    // The battle may have been deleted since the checks.
    await holdBattleKey(tx, input.battleId);
    await tx.insert(reformBattleSuggestions).values(input);
    await followReform(tx, [input.suggestionId], 'reformBattle', {
      battleId: input.battleId,
      battleName: name,
    });
    return {
      result: input.suggestionId,
      audit: { entityType: 'reformBattle', entityId: input.battleId, after: input },
    };
  },
});

/** Adoption from the campaign (采纳转化): each answers the suggestion with what it became. */
export async function adoptIntoProject(
  ctx: ServiceContext,
  input: AdoptIntoProjectInput,
): Promise<ReformAdoption> {
  return adoptionOf(ctx.db, await linkProject.run(ctx, input));
}

export async function adoptAsProject(
  ctx: ServiceContext,
  input: AdoptAsProjectInput,
): Promise<ReformAdoption> {
  return adoptionOf(ctx.db, await createProject.run(ctx, input));
}

export async function adoptIntoBattle(
  ctx: ServiceContext,
  input: AdoptIntoBattleInput,
): Promise<ReformAdoption> {
  return adoptionOf(ctx.db, await linkBattle.run(ctx, input));
}
