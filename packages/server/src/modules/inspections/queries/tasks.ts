import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { maskPersonName } from '../../../privacy.js';
import { firmsByIds } from '../../business/api.js';
import { unitsByIds } from '../../units/api.js';
import { accountsByIds } from '../../users/api.js';
import { loadTask } from '../commands/task-common.js';
import type { InspectionTask, TaskQuery } from '../contracts.js';
import { canInspect, mayEverInspect } from '../policy.js';
import { inspectionDrawnFirms, inspectionInspectors, inspectionTasks } from '../schema.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** One task as its page shows it: seed only once drawn, the drawn firms and teams by name. */
export async function getTask(ctx: ServiceContext, id: string): Promise<InspectionTask> {
  const { row, units, items } = await loadTask(ctx, id);
  const drawn = await ctx.db.select().from(inspectionDrawnFirms).where(eq(inspectionDrawnFirms.taskId, id));
  const inspectorIds = [...new Set(drawn.flatMap((d) => d.inspectorIds))];
  const inspectors = inspectorIds.length
    ? await ctx.db.select().from(inspectionInspectors).where(inArray(inspectionInspectors.id, inspectorIds))
    : [];
  const [firms, accounts, inspectorUnits] = await Promise.all([
    firmsByIds(
      ctx.db,
      drawn.map((d) => d.firmId),
    ),
    accountsByIds(
      ctx.db,
      inspectors.map((p) => p.userId),
    ),
    unitsByIds(
      ctx.db,
      inspectors.map((p) => p.unitId),
    ),
  ]);
  const byId = new Map(inspectors.map((p) => [p.id, p]));
  const paths = units.map((u) => u.path);
  const writable = canInspect(ctx.principal, 'task.write', { unitPaths: paths });
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    units: units.map((u) => ({ id: u.id, name: u.name })),
    items: items.map((i) => ({ id: i.id, name: i.name, qualification: i.qualification })),
    sample: { high: row.sample.high ?? 0, medium: row.sample.medium ?? 0, low: row.sample.low ?? 0 },
    inspectorsPerVisit: row.inspectorsPerVisit,
    qualifications: row.qualifications,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    seedHash: row.seedHash,
    seed: row.status === 'drawn' ? row.seed : null,
    announcedAt: iso(row.announcedAt),
    drawnAt: iso(row.drawnAt),
    visits: drawn.map((d) => ({
      firm: { id: d.firmId, name: firms.get(d.firmId)?.name ?? '' },
      risk: d.risk,
      inspectors: d.inspectorIds.map((pid) => {
        const p = byId.get(pid);
        return {
          id: pid,
          name: maskPersonName(p ? accounts.get(p.userId)?.displayName : '') ?? '',
          unit: p ? (inspectorUnits.get(p.unitId)?.name ?? '') : '',
        };
      }),
    })),
    allowed: writable
      ? row.status === 'draft'
        ? ['announce', 'delete']
        : row.status === 'announced'
          ? ['draw']
          : []
      : [],
    isDemo: row.isDemo,
  };
}

/** The tasks, newest first, page by page (each in full: a page holds a few). */
export async function listTasks(
  ctx: ServiceContext,
  q: TaskQuery,
): Promise<{ items: InspectionTask[]; total: number }> {
  if (!mayEverInspect(ctx.principal, 'task.read')) throw forbidden();
  const where: SQL | undefined = and(q.status ? eq(inspectionTasks.status, q.status) : undefined);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ id: inspectionTasks.id })
      .from(inspectionTasks)
      .where(where)
      .orderBy(desc(inspectionTasks.createdAt), desc(inspectionTasks.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(inspectionTasks).where(where),
  ]);
  const items: InspectionTask[] = [];
  for (const r of rows) items.push(await getTask(ctx, r.id));
  return { items, total: total?.n ?? 0 };
}
