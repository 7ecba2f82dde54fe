import { eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { constraintOf } from '../../../db/sql-state.js';
import type { Tx } from '../../../db/transaction.js';
import { RowReport, runImport, type WorkbookBytes, type Written } from '../../../kernel/excel-import.js';
import { type ImportReport, InspectionItemInput } from '../contracts.js';
import { itemColumns, itemReasons } from '../excel.js';
import { canInspect } from '../policy.js';
import { inspectionItems, inspectionTaskItems } from '../schema.js';
import { holdItems, itemInTask, mayAtAll } from './common.js';
import { departmentFinder, firstOf } from './import-common.js';

type Parsed = InspectionItemInput & { row: number };
type ItemRow = typeof inspectionItems.$inferSelect;
type Existing = Map<string, ItemRow>;
const placeholder = '00000000-0000-4000-8000-000000000000';

/**
 * Imports inspection items by code, all or nothing: one bad row rejects the file with every
 * problem by row and column. A department imports its own items (the office any in its scope);
 * known codes change only where they differ, so the same file twice changes nothing.
 */
export async function importItems(
  ctx: ServiceContext,
  upload: () => Promise<WorkbookBytes>,
): Promise<ImportReport> {
  mayAtAll(ctx, 'item.write');
  const find = await departmentFinder(ctx, 'item.write');
  const seen = new Map<string, number>();
  const paths = new Map(find.units().map((u) => [u.id, u.path]));
  const keeps = (unitId: string) =>
    canInspect(ctx.principal, 'item.write', { unitPaths: [paths.get(unitId) ?? ''] });
  return runImport(
    ctx,
    { xlsx: await upload() },
    {
      sheet: { columns: itemColumns, requireRows: true, maxRows: 5000, reasons: itemReasons },
      row(values, row, report) {
        firstOf(seen, values.code ?? '', row, 'code', report);
        const before = report.size;
        const unit = values.unit ? find(values.unit, row, report) : undefined;
        const minutes = values.expectedMinutes ? Number(values.expectedMinutes) : undefined;
        const parsed = InspectionItemInput.safeParse({
          unitId: values.unit ? (unit?.id ?? placeholder) : undefined,
          code: values.code || undefined,
          name: values.name || undefined,
          legalBasis: values.legalBasis || undefined,
          qualification: values.qualification || null,
          expectedMinutes: minutes,
        });
        if (!parsed.success)
          for (const issue of parsed.error.issues) {
            const field = String(issue.path[0] ?? '');
            report.addIssue(row, issue, field === 'unitId' ? 'unit' : field);
          }
        return parsed.success && report.size === before ? { ...parsed.data, row } : undefined;
      },
      async prepare(rows, report: RowReport) {
        const existing: Existing = new Map(
          (await ctx.db.select().from(inspectionItems)).map((i) => [i.code, i]),
        );
        // An item a task names stays with its department (keepItemDepartment).
        const inTask = new Set(
          (await ctx.db.selectDistinct({ id: inspectionTaskItems.itemId }).from(inspectionTaskItems)).map(
            (r) => r.id,
          ),
        );
        for (const r of rows) {
          const old = existing.get(r.code);
          if (old) checkKnown(report, r, old, inTask.has(old.id), keeps);
        }
        return existing;
      },
      write: (tx, rows, existing) => writeItems(tx, rows, existing, keeps),
    },
  );
}

/**
 * A row of a known item: the item's department must be the importer's, and an item a task names
 * stays with its department (keepItemDepartment).
 */
function checkKnown(
  report: RowReport,
  r: Parsed,
  old: ItemRow,
  inTask: boolean,
  keeps: (unitId: string) => boolean,
) {
  if (!keeps(old.unitId))
    report.add(r.row, 'code', 'outside_scope', `item ${r.code} belongs to another department`, {
      value: r.code,
    });
  else if (old.unitId !== r.unitId && inTask)
    report.add(r.row, 'unit', 'item_in_task', `a task checks item ${r.code}: it stays with its department`, {
      value: old.name,
    });
}

/** A row's new code, taken by an item another user created since the file was checked. */
const addTaken = (report: RowReport, r: Parsed) =>
  report.add(r.row, 'code', 'taken', `item code ${r.code} was taken meanwhile`, { value: r.code });

async function writeItems(
  tx: Tx,
  rows: Parsed[],
  existing: Existing,
  keeps: (unitId: string) => boolean,
): Promise<Written<ImportReport>> {
  // The file was checked without locks: since then a task may name an item it moves, an item may
  // have moved to another department or changed its code, or another user may have made an item
  // with one of its new codes. The items are held (a task being made waits, then sees them moved)
  // and checked again as they are now; a row whose item changed under it is refused by its row.
  const held = new Map(
    (
      await holdItems(
        tx,
        rows.flatMap((r) => existing.get(r.code)?.id ?? []),
        'update',
      )
    ).map((i) => [i.id, i]),
  );
  const report = new RowReport();
  const current = new Map<string, ItemRow>();
  for (const r of rows) {
    const now = held.get(existing.get(r.code)?.id ?? '');
    // Deleted since the checks: the code is free, and the row makes the item anew.
    if (!now) continue;
    if (now.code !== r.code) {
      report.add(r.row, 'code', 'edited_meanwhile', `item ${r.code} had its code changed meanwhile`, {
        value: r.code,
      });
      continue;
    }
    current.set(r.code, now);
    checkKnown(report, r, now, now.unitId !== r.unitId && (await itemInTask(tx, now.id)), keeps);
  }
  // The rows that make an item: new codes, and those whose item was deleted since the checks.
  const fresh = rows.filter((r) => !held.has(existing.get(r.code)?.id ?? ''));
  if (fresh.length) {
    const taken = await tx
      .select({ code: inspectionItems.code })
      .from(inspectionItems)
      .where(
        inArray(
          inspectionItems.code,
          fresh.map((r) => r.code),
        ),
      );
    for (const { code } of taken) addTaken(report, fresh.find((r) => r.code === code)!);
  }
  report.throwIfAny();
  const created: string[] = [];
  const updated: Array<{ code: string; before: unknown; after: unknown }> = [];
  for (const { row, ...item } of rows) {
    const old = current.get(item.code);
    if (!old) {
      // One made by another user, still uncommitted when the codes were looked for, meets the index here.
      await tx
        .insert(inspectionItems)
        .values(item)
        .catch((error: unknown) => {
          if (constraintOf(error) === 'inspection_items_code_key') {
            const taken = new RowReport();
            addTaken(taken, { ...item, row });
            taken.throwIfAny();
          }
          throw error;
        });
      created.push(item.code);
      continue;
    }
    const changed = Object.fromEntries(
      Object.entries(item).filter(([k, v]) => old[k as keyof typeof old] !== v),
    );
    if (!Object.keys(changed).length) continue;
    await tx
      .update(inspectionItems)
      .set({ ...changed, updatedAt: new Date() })
      .where(eq(inspectionItems.id, old.id));
    const before = Object.fromEntries(Object.keys(changed).map((k) => [k, old[k as keyof typeof old]]));
    updated.push({ code: item.code, before, after: changed });
  }
  const result = {
    created: created.length,
    updated: updated.length,
    unchanged: rows.length - created.length - updated.length,
  };
  return {
    result,
    audit: [
      {
        action: 'inspectionItem.import',
        entityType: 'inspectionItem',
        entityId: 'import',
        after: { ...result, created, updated },
      },
    ],
  };
}
