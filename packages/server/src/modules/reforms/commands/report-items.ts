import type { Db } from '../../../db/client.js';
import { AppError, type FieldError } from '../../../errors.js';
import { milestonesOf } from '../lookup.js';

/** A report speaks only of its project's milestones, each once. */
export async function checkItems(db: Db, projectId: string, items: ReadonlyArray<{ milestoneId: string }>) {
  const own = new Set((await milestonesOf(db, [projectId])).map((m) => m.id));
  const seen = new Set<string>();
  const problems: FieldError[] = [];
  items.forEach((i, k) => {
    if (!own.has(i.milestoneId))
      problems.push({
        path: `items.${k}.milestoneId`,
        message: 'not a milestone of the project',
        code: 'not_found',
      });
    if (seen.has(i.milestoneId))
      problems.push({ path: `items.${k}.milestoneId`, message: 'listed twice', code: 'listed_twice' });
    seen.add(i.milestoneId);
  });
  if (problems.length) throw new AppError('VALIDATION', 'the reported milestones are invalid', problems);
}
