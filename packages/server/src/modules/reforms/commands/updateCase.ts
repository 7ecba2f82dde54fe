import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ReformCase, ReformCasePatch } from '../contracts-cases.js';
import { getCase } from '../queries/cases.js';
import { reformCases } from '../schema.js';
import { caseProject, caseTokens, checkCaseTitle, loadCaseRow } from './case-common.js';
import { mayAtAll } from './project-common.js';

/** Rewrites a case, draft or published; its search words follow the text. */
const command = defineCommand({
  name: 'reformCase.update',
  async load(ctx, input: { id: string; patch: ReformCasePatch }) {
    mayAtAll(ctx, 'case.write');
    const row = await loadCaseRow(ctx.db, input.id);
    const p = await caseProject(ctx, row.projectId);
    if (input.patch.title !== undefined) await checkCaseTitle(ctx.db, input.patch.title, input.id);
    return { row, projectName: p.row.name };
  },
  async write(tx, _ctx, { row, projectName }, { id, patch }) {
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
