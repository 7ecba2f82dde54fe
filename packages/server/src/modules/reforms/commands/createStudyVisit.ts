import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { StudyVisit, StudyVisitInput } from '../contracts-study.js';
import { canStudy } from '../policy-study.js';
import { getVisit } from '../queries/study-visits.js';
import { reformStudyVisits } from '../schema.js';
import { checkVisitRefs, holdVisitUnits, mayStudyAtAll, writeMembers } from './study-common.js';

/** The reform office plans a study visit of a unit in its scope: destinations, dates, delegation, topics. */
const command = defineCommand({
  name: 'reformStudy.create',
  async load(ctx, input: StudyVisitInput) {
    mayStudyAtAll(ctx, 'study.plan');
    const unitPath = await checkVisitRefs(ctx.db, input);
    if (!canStudy(ctx.principal, 'study.plan', { unitPath: unitPath! })) throw forbidden();
  },
  async write(tx, _ctx, _loaded, { members, ...input }) {
    // The units named, deleted from the tree since the checks, are refused by name, not by their key.
    await holdVisitUnits(tx, { unitId: input.unitId, members });
    const [row] = await tx.insert(reformStudyVisits).values(input).returning({ id: reformStudyVisits.id });
    await writeMembers(tx, row!.id, members);
    return {
      result: row!.id,
      audit: { entityType: 'reformStudyVisit', entityId: row!.id, after: { ...input, members } },
    };
  },
});

export async function createStudyVisit(ctx: ServiceContext, input: StudyVisitInput): Promise<StudyVisit> {
  return getVisit(ctx, await command.run(ctx, input));
}
