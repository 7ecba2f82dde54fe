import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ReformCase, ReformCasePatch } from '../contracts-cases.js';
import { getCase } from '../queries/cases.js';
import { reformCases } from '../schema.js';
import { caseProject, caseTokens, checkCaseTitle, heldProjectName, loadCaseRow } from './case-common.js';
import { mayAtAll } from './project-common.js';

/** Rewrites a case, draft or published; its search words follow the text. */
const command = defineCommand({
  name: 'reformCase.update',
  async load(ctx, input: { id: string; patch: ReformCasePatch }) {
    mayAtAll(ctx, 'case.write');
    const row = await loadCaseRow(ctx.db, input.id);
    await caseProject(ctx, row.projectId);
    if (input.patch.title !== undefined) await checkCaseTitle(ctx.db, input.patch.title, input.id);
    return row;
  },
  async write(tx, _ctx, read, { id, patch }) {
    // Built from the case and its project's name as they stand, both held (the project first, as
    // a rename holds it before its cases): a rename of the project, or another edit of the case,
    // since the checks is kept in its words. A case stays with the project it was drawn from.
    const projectName = await heldProjectName(tx, read.projectId);
    const [row] = await tx.select().from(reformCases).where(eq(reformCases.id, id)).for('update');
    if (!row) throw notFound('case');
    const next = { ...row, ...patch };
    await tx
      .update(reformCases)
      .set({ ...patch, tokens: caseTokens(next, projectName), updatedAt: new Date() })
      .where(eq(reformCases.id, id));
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof typeof row]]));
    return { result: id, audit: { entityType: 'reformCase', entityId: id, before, after: patch } };
  },
});

export async function updateCase(
  ctx: ServiceContext,
  id: string,
  patch: ReformCasePatch,
): Promise<ReformCase> {
  return getCase(ctx, await command.run(ctx, { id, patch }));
}
