import { count, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { maskPersonName } from '../../../privacy.js';
import { firmsByIds } from '../../business/api.js';
import { unitsByIds } from '../../units/api.js';
import { accountsByIds } from '../../users/api.js';
import type { PublicDraw, PublicDrawNames } from '../contracts-public.js';
import { inspectionInspectors, inspectionItems, inspectionTaskItems, inspectionTasks } from '../schema.js';

type Row = typeof inspectionTasks.$inferSelect;

/** A task as anyone reads it: the seed and the result only once drawn. */
function present(row: Row): PublicDraw {
  const drawn = row.status === 'drawn';
  return {
    id: row.id,
    title: row.title,
    announcedAt: row.announcedAt!.toISOString(),
    seedHash: row.seedHash!,
    drawnAt: drawn ? row.drawnAt!.toISOString() : null,
    seed: drawn ? row.seed : null,
    input: row.input as Record<string, unknown>,
    result: drawn ? (row.result as Record<string, unknown>) : null,
  };
}

/** Every announced draw, newest announcement first (drafts are not public). */
export async function publicDraws(
  db: Db,
  q: { page: number; pageSize: number },
): Promise<{ items: PublicDraw[]; total: number }> {
  const announced = ne(inspectionTasks.status, 'draft');
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(inspectionTasks)
      .where(announced)
      .orderBy(desc(inspectionTasks.announcedAt), desc(inspectionTasks.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(inspectionTasks).where(announced),
  ]);
  return { items: rows.map(present), total: total?.n ?? 0 };
}

/** The names behind a public draw's ids: firms, inspectors (masked, with their department), items. */
export async function publicDrawNames(db: Db, id: string): Promise<PublicDrawNames> {
  const [row] = await db.select().from(inspectionTasks).where(eq(inspectionTasks.id, id));
  if (!row || row.status === 'draft') throw notFound('draw');
  const input = row.input as { firms: { id: string }[]; inspectors: { id: string }[] };
  const drawnFirms = row.result
    ? (row.result as { visits: { firm: string }[] }).visits.map((v) => v.firm)
    : [];
  const inspectorIds = input.inspectors.map((p) => p.id);
  const [firms, inspectors, items] = await Promise.all([
    firmsByIds(db, drawnFirms),
    inspectorIds.length
      ? db.select().from(inspectionInspectors).where(inArray(inspectionInspectors.id, inspectorIds))
      : Promise.resolve([]),
    db
      .select({
        name: inspectionItems.name,
        unitId: inspectionItems.unitId,
        legalBasis: inspectionItems.legalBasis,
      })
      .from(inspectionTaskItems)
      .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionTaskItems.itemId))
      .where(eq(inspectionTaskItems.taskId, id)),
  ]);
  const [accounts, units] = await Promise.all([
    accountsByIds(
      db,
      inspectors.map((p) => p.userId),
    ),
    unitsByIds(
      db,
      items.map((i) => i.unitId),
    ),
  ]);
  return {
    firms: Object.fromEntries([...firms.values()].map((f) => [f.id, f.name])),
    inspectors: Object.fromEntries(
      inspectors.map((p) => [p.id, maskPersonName(accounts.get(p.userId)?.displayName) ?? '']),
    ),
    items: items.map((i) => ({
      name: i.name,
      unit: units.get(i.unitId)?.name ?? '',
      legalBasis: i.legalBasis,
    })),
  };
}
