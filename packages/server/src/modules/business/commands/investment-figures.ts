import { eq } from 'drizzle-orm';
import { forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { EntitiesInput, ProjectSettings } from '../contracts-projects.js';
import { mayEverProject } from '../policy-projects.js';
import { projectSettings } from '../queries/project-settings.js';
import { businessMarketEntities, businessProjectSettings } from '../schema.js';

/**
 * The office enters a month's count of new market entities (新增市场主体, from the market
 * regulator's register); entering it again replaces it, the audit event keeping the old count.
 */
export const setMarketEntities = defineCommand({
  name: 'entities.set',
  async load(ctx, input: { month: string; entry: EntitiesInput }) {
    if (!mayEverProject(ctx.principal, 'entities.set')) throw forbidden();
    const [row] = await ctx.db
      .select({ count: businessMarketEntities.count })
      .from(businessMarketEntities)
      .where(eq(businessMarketEntities.month, input.month));
    return row?.count ?? null;
  },
  async write(tx, ctx, before, { month, entry }) {
    const values = { month, count: entry.count, updatedBy: ctx.principal!.userId, updatedAt: new Date() };
    await tx
      .insert(businessMarketEntities)
      .values(values)
      .onConflictDoUpdate({ target: businessMarketEntities.month, set: values });
    return {
      result: { month, count: entry.count },
      audit: {
        entityType: 'marketEntities',
        entityId: month,
        before: before === null ? undefined : { count: before },
        after: entry,
      },
    };
  },
});

/** The office sets how long a project may wait for each next stage before it is flagged stalled. */
export const updateProjectSettings = defineCommand({
  name: 'projectSettings.update',
  async load(ctx, _input: ProjectSettings) {
    if (!mayEverProject(ctx.principal, 'projectSettings.configure')) throw forbidden();
    return projectSettings(ctx.db);
  },
  async write(tx, _ctx, before, input) {
    const row = { id: 1, stallDays: input.stallDays, updatedAt: new Date() };
    await tx
      .insert(businessProjectSettings)
      .values(row)
      .onConflictDoUpdate({ target: businessProjectSettings.id, set: row });
    return {
      result: input,
      audit: { entityType: 'projectSettings', entityId: 'business', before, after: input },
    };
  },
});
