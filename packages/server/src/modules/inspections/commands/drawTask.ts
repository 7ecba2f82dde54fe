import { type DrawInput, drawInspections, sha256Hex } from '@qianxing/core/draw';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { actor } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import type { InspectionTask } from '../contracts.js';
import { getTask } from '../queries/tasks.js';
import { inspectionDrawnFirms, inspectionTasks, type RiskLevel } from '../schema.js';
import { authorise, mayAtAll } from './common.js';
import { loadTask } from './task-common.js';

const taskDrawn = () =>
  new AppError('INVALID_STATE', 'the task was drawn already', [
    { path: 'status', message: 'the task was drawn already', code: 'task_drawn' },
  ]);

/**
 * Draws an announced task (reveal): the seed kept since the announcement, checked against its
 * published hash, is added to the frozen input, `@qianxing/core/draw` makes the draw, and the
 * input, the seed and the result are stored together and made public. A draft has no published
 * hash, so nothing can be drawn (nor any seed revealed) before the announcement; a task is drawn
 * once, with the seed it was announced with.
 */
const command = defineCommand({
  name: 'inspectionTask.draw',
  async load(ctx, id: string) {
    mayAtAll(ctx, 'task.write');
    const { row, units } = await loadTask(ctx, id);
    authorise(ctx, 'task.write', units);
    if (row.status === 'draft')
      throw new AppError('INVALID_STATE', 'the task is not announced: no hash is published', [
        { path: 'status', message: 'the task is not announced', code: 'task_not_announced' },
      ]);
    if (row.status === 'drawn') throw taskDrawn();
    const { seed, seedHash } = row;
    if (!seed || !seedHash || sha256Hex(seed) !== seedHash)
      throw new AppError('INVALID_STATE', 'the kept seed does not match its published hash', [
        {
          path: 'seedHash',
          message: 'the kept seed does not match its published hash',
          code: 'seed_mismatch',
        },
      ]);
    const input = { seed, ...(row.input as Omit<DrawInput, 'seed'>) };
    const result = drawInspections(input);
    const risks = new Map(input.firms.map((f) => [f.id, f.risk as RiskLevel]));
    return { seed, seedHash, input, result, risks };
  },
  async write(tx, ctx, { seed, seedHash, input, result, risks }, id) {
    const done = await tx
      .update(inspectionTasks)
      .set({
        status: 'drawn',
        input,
        result,
        drawnAt: new Date(),
        drawnBy: actor(ctx).userId,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(inspectionTasks.id, id),
          eq(inspectionTasks.status, 'announced'),
          eq(inspectionTasks.seed, seed),
          eq(inspectionTasks.seedHash, seedHash),
        ),
      )
      .returning({ id: inspectionTasks.id });
    if (done.length === 0) throw taskDrawn();
    if (result.visits.length)
      await tx.insert(inspectionDrawnFirms).values(
        result.visits.map((v) => ({
          taskId: id,
          firmId: v.firm,
          risk: risks.get(v.firm)!,
          inspectorIds: v.inspectors,
        })),
      );
    return {
      result: id,
      audit: {
        entityType: 'inspectionTask',
        entityId: id,
        after: { seed, seedHash, visits: result.visits.length },
      },
    };
  },
});

export async function drawTask(ctx: ServiceContext, id: string): Promise<InspectionTask> {
  return getTask(ctx, await command.run(ctx, id));
}
