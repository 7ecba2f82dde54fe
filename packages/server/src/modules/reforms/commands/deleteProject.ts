import { eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { maskNumbersInText } from '../../../privacy.js';
import { followReform } from '../../ideas/api.js';
import type { ReformProjectDeleteInput } from '../contracts.js';
import { linkedSuggestions } from '../queries/adoption.js';
import { mayDelete, projectForReading } from '../queries/projects.js';
import { reformCases, reformProjects, reformReports } from '../schema.js';
import { maskedForAudit } from './audit-masked.js';
import { mayAtAll } from './project-common.js';

type Loaded = Awaited<ReturnType<typeof projectForReading>>;

/**
 * The suggestions the project was taken up from, with the checks they bring: only the campaign's
 * office deletes such a project, and it says why (their timelines and inboxes tell it). Asked
 * before the write, and again inside it after the project's row is locked, so a suggestion
 * linked in between is neither dropped silently nor told without a reason.
 */
async function adoptedFrom(db: Db, ctx: ServiceContext, p: Loaded, reason: string | undefined) {
  const suggestions = await linkedSuggestions(db, p.row.id);
  if (suggestions.length === 0) return suggestions;
  if (!mayDelete(ctx, p.resource, true))
    throw forbidden('only the campaign office deletes a project taken up from suggestions');
  if (!reason)
    throw new AppError('VALIDATION', 'say why: the suggestions it came from are told', [
      { path: 'reason', message: 'required for a project taken up from suggestions', code: 'required' },
    ]);
  return suggestions;
}

/** A project with a report written or a case drawn from it stays: they are the record of its work. */
async function refuseInUse(db: Db, p: Loaded) {
  const [reports] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reformReports)
    .where(eq(reformReports.projectId, p.row.id));
  const [cases] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reformCases)
    .where(eq(reformCases.projectId, p.row.id));
  if ((reports?.n ?? 0) > 0 || (cases?.n ?? 0) > 0)
    throw new AppError('CONFLICT', 'the project has reports or cases', [
      { path: 'id', message: 'has reports or cases', code: 'in_use', params: { value: p.row.code } },
    ]);
}

/**
 * The reform office removes a project entered by mistake: one no report has been written for and
 * no case drawn from. Its places under key battles go with it. A project taken up from citizens'
 * suggestions (采纳转化) is the campaign office's to withdraw, with a reason: each suggestion's
 * timeline says so publicly and its author, followers and supporters are told, in the same
 * transaction; the suggestion stays adopted (that was the campaign's decision, its action
 * stands) and its page no longer shows the project.
 */
const command = defineCommand({
  name: 'reformProject.delete',
  async load(ctx, input: { id: string } & ReformProjectDeleteInput) {
    mayAtAll(ctx, 'project.assign');
    const p = await projectForReading(ctx, input.id);
    if (!mayDelete(ctx, p.resource, false)) throw forbidden();
    await refuseInUse(ctx.db, p);
    await adoptedFrom(ctx.db, ctx, p, input.reason);
    return p;
  },
  async write(tx, ctx, p, { reason }) {
    // A link, a report or a case is written holding the project's row (its foreign key): locked
    // here, none comes after, and one written since the checks is found.
    await tx
      .select({ id: reformProjects.id })
      .from(reformProjects)
      .where(eq(reformProjects.id, p.row.id))
      .for('update');
    await refuseInUse(tx, p);
    const suggestions = await adoptedFrom(tx, ctx, p, reason);
    // Milestones, co-units, battle links and suggestion links go with it (on delete cascade).
    await tx.delete(reformProjects).where(eq(reformProjects.id, p.row.id));
    const ids = suggestions.map((s) => s.id);
    if (ids.length)
      await followReform(tx, ids, 'reformWithdrawn', {
        projectId: p.row.id,
        projectName: p.row.name,
        reason: maskNumbersInText(reason!),
      });
    return {
      result: undefined,
      audit: {
        entityType: 'reformProject',
        entityId: p.row.id,
        before: ids.length ? { ...p.row, suggestionIds: ids } : p.row,
        ...(reason ? { after: maskedForAudit({ reason }) } : {}),
      },
    };
  },
});

export async function deleteProject(
  ctx: ServiceContext,
  id: string,
  input: ReformProjectDeleteInput = {},
): Promise<void> {
  await command.run(ctx, { id, ...input });
}
