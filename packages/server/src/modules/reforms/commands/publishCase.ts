import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { defineCommand, type Tx } from '../../../kernel/command.js';
import { movedMeanwhile, wrongState } from '../../../kernel/workflow.js';
import type { ReformCase } from '../contracts-cases.js';
import { getCase } from '../queries/cases.js';
import { reformCases } from '../schema.js';
import { type CaseRow, caseProject, loadCaseRow } from './case-common.js';
import { mayAtAll } from './project-common.js';

/** A case is a draft, or published in the public library; its page words the two. */
const caseFlow = { name: 'case', entity: 'reformCase' };

/** Moves a case from one status to the other, conditional on the status read. */
const moving = (from: 'draft' | 'published', to: 'draft' | 'published') => ({
  async load(ctx: ServiceContext, input: { id: string }) {
    mayAtAll(ctx, 'case.write');
    const row = await loadCaseRow(ctx.db, input.id);
    await caseProject(ctx, row.projectId);
    if (row.status !== from) throw wrongState(caseFlow, row.status, [from]);
    return row;
  },
  async write(tx: Tx, _ctx: ServiceContext, row: CaseRow) {
    const now = new Date();
    // Of two racing publications one wins; the other finds the status changed.
    const done = await tx
      .update(reformCases)
      .set({ status: to, publishedAt: to === 'published' ? now : null, updatedAt: now })
      .where(and(eq(reformCases.id, row.id), eq(reformCases.status, from)))
      .returning({ id: reformCases.id });
    if (done.length === 0) throw movedMeanwhile(caseFlow);
    return {
      result: row.id,
      audit: { entityType: 'reformCase', entityId: row.id, before: { status: from }, after: { status: to } },
    };
  },
});

/** The office publishes a draft case to the public library. */
const publish = defineCommand({ name: 'reformCase.publish', ...moving('draft', 'published') });
/** … or takes a published one back to draft. */
const withdraw = defineCommand({ name: 'reformCase.withdraw', ...moving('published', 'draft') });

export async function publishCase(ctx: ServiceContext, id: string): Promise<ReformCase> {
  return getCase(ctx, await publish.run(ctx, { id }));
}

export async function withdrawCase(ctx: ServiceContext, id: string): Promise<ReformCase> {
  return getCase(ctx, await withdraw.run(ctx, { id }));
}
