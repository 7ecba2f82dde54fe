import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import type { Unit } from '../contracts.js';
import { unitWorkbook } from '../excel.js';
import { units } from '../schema.js';

export const unitView = (row: typeof units.$inferSelect): Unit => ({
  id: row.id,
  code: row.code,
  name: row.name,
  kind: row.kind,
  parentId: row.parentId,
  path: row.path,
  sort: row.sort,
  isDemo: row.isDemo,
});

export async function listUnits(db: Db): Promise<Unit[]> {
  const rows = await db.select().from(units).orderBy(asc(units.path), asc(units.sort));
  return rows.map(unitView);
}

export async function getUnit(db: Db, id: string): Promise<Unit> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  if (!row) throw notFound('unit');
  return unitView(row);
}

/** Whether another unit than `except` has this code. */
export async function codeTaken(db: Db, code: string, except?: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.code, code));
  return !!row && row.id !== except;
}

/** The tree as a workbook in the import's columns, each unit with its parent's code. */
export async function exportUnits(ctx: ServiceContext): Promise<Buffer> {
  return unitWorkbook(await listUnits(ctx.db), ctx.locale ?? 'zh-CN');
}
