import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ReformCase, ReformCaseInput } from '../contracts-cases.js';
import { getCase } from '../queries/cases.js';
import { reformCases } from '../schema.js';
import { caseProject, caseTokens, checkCaseTitle, heldProjectName } from './case-common.js';

/** The reform office writes up a project's practice as a case (可复制可推广经验), a draft at first. */
const command = defineCommand({
  name: 'reformCase.create',
  async load(ctx, input: ReformCaseInput) {
    const p = await caseProject(ctx, input.projectId);
    await checkCaseTitle(ctx.db, input.title);
    return p;
  },
  async write(tx, _ctx, _project, input) {
    const projectName = await heldProjectName(tx, input.projectId);
    const [row] = await tx
      .insert(reformCases)
      .values({ ...input, tokens: caseTokens(input, projectName) })
      .returning({ id: reformCases.id });
    return { result: row!.id, audit: { entityType: 'reformCase', entityId: row!.id, after: input } };
  },
});

export async function createCase(ctx: ServiceContext, input: ReformCaseInput): Promise<ReformCase> {
  return getCase(ctx, await command.run(ctx, input));
}
