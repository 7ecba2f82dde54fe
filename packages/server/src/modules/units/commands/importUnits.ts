import { eq } from 'drizzle-orm';
import type { AuditEntry } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, forbidden } from '../../../errors.js';
import { runImport, type WorkbookBytes, type Written } from '../../../kernel/excel-import.js';
import { CreateUnitInput, type Unit } from '../contracts.js';
import { unitSheet } from '../excel.js';
import { canUnit } from '../policy.js';
import { listUnits } from '../queries/units.js';
import { units } from '../schema.js';
import { holdUnitTree } from './tree-lock.js';

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
}

interface UnitRow {
  row: number;
  code: string;
  name: string;
  kind: Unit['kind'];
  sort: number;
  parentCode: string;
}

const UnitRowInput = CreateUnitInput.omit({ parentId: true });
const requiredColumns = ['code', 'name', 'kind'] as const;

/**
 * Imports units by code: new codes are created, known codes updated, nothing else touched, so
 * importing the same file again changes nothing. Every row is checked first; one bad row rejects
 * the file with a report naming each bad row and field, and nothing is written. Parents may
 * appear anywhere in the file.
 */
export async function importUnits(
  ctx: ServiceContext,
  upload: () => Promise<WorkbookBytes>,
): Promise<ImportReport> {
  if (!canUnit(ctx.principal, 'unit.import')) throw forbidden();
  const file = { xlsx: await upload() };
  const existing = await listUnits(ctx.db);
  return runImport(ctx, file, {
    sheet: unitSheet,
    row(values, row, report): UnitRow | undefined {
      // An empty cell is said to be required, a word in Order not to be a number: zod would say
      // "at least 1 character" and "wrong type".
      const blank = requiredColumns.filter((key) => !values[key]?.trim());
      for (const key of blank) report.add(row, key, 'required', 'required');
      const sort = values.sort?.trim() ? Number(values.sort) : 0;
      const badSort = !Number.isInteger(sort);
      if (badSort) report.add(row, 'sort', 'not_a_number', 'not a number');
      const result = UnitRowInput.safeParse({
        code: values.code,
        name: values.name,
        kind: values.kind,
        sort,
      });
      if (result.success && !blank.length && !badSort)
        return { row, ...result.data, parentCode: values.parentCode ?? '' };
      const said = new Set<string>([...blank, ...(badSort ? ['sort'] : [])]);
      for (const issue of result.error?.issues ?? [])
        if (!said.has(String(issue.path[0] ?? ''))) report.addIssue(row, issue);
      return undefined;
    },
    check(rows, report) {
      const known = new Set(existing.map((u) => u.code));
      const fileCodes = new Map<string, number>();
      for (const p of rows) {
        const first = fileCodes.get(p.code);
        if (first !== undefined)
          report.add(p.row, 'code', 'duplicate_of_row', `duplicate of row ${first}`, { row: first });
        fileCodes.set(p.code, p.row);
      }
      for (const p of rows)
        if (p.parentCode && !fileCodes.has(p.parentCode) && !known.has(p.parentCode))
          report.add(p.row, 'parentCode', 'unknown_parent', `unknown parent ${p.parentCode}`);
    },
    // Written on the tree as it is once held: a unit moved, added or deleted since the checks read
    // it is placed from its current row.
    write: async (tx, rows) => {
      await holdUnitTree(tx);
      return writeUnits(ctx, tx, rows, await listUnits(tx));
    },
  });
}

/** Creates and updates the units of a checked file, parents before their children. */
async function writeUnits(
  ctx: ServiceContext,
  tx: Tx,
  rows: UnitRow[],
  existing: Unit[],
): Promise<Written<ImportReport>> {
  const byCode = new Map(existing.map((u) => [u.code, u]));
  const placed = new Map(existing.map((u) => [u.code, { id: u.id, path: u.path }]));
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0 };
  const events: AuditEntry[] = [];
  // Repeat passes until every row is placed: a row waits until its parent is.
  let pending = rows;
  while (pending.length) {
    const next: UnitRow[] = [];
    for (const p of pending) {
      const parent = p.parentCode ? placed.get(p.parentCode) : undefined;
      if (p.parentCode && !parent) {
        next.push(p);
        continue;
      }
      const old = byCode.get(p.code);
      if (old) {
        if (old.parentId !== (parent?.id ?? null))
          throw new AppError('VALIDATION', `row ${p.row}: moving a unit is done in the tree, not by import`, [
            {
              path: `row ${p.row}.parentCode`,
              message: 'differs from the current parent',
              code: 'parent_differs',
            },
          ]);
        if (old.name === p.name && old.kind === p.kind && old.sort === p.sort) {
          report.unchanged += 1;
          continue;
        }
        if (!canUnit(ctx.principal, 'unit.update', old)) throw forbidden(`row ${p.row}: outside your scope`);
        await tx
          .update(units)
          .set({ name: p.name, kind: p.kind, sort: p.sort, updatedAt: new Date() })
          .where(eq(units.id, old.id));
        events.push({ action: 'unit.update', entityType: 'unit', entityId: old.id, before: old, after: p });
        report.updated += 1;
        continue;
      }
      if (!canUnit(ctx.principal, 'unit.create', parent ?? { path: '/' }))
        throw forbidden(`row ${p.row}: outside your scope`);
      const id = crypto.randomUUID();
      const path = `${parent?.path ?? '/'}${id}/`;
      await tx.insert(units).values({
        id,
        code: p.code,
        name: p.name,
        kind: p.kind,
        parentId: parent?.id ?? null,
        path,
        sort: p.sort,
      });
      events.push({ action: 'unit.create', entityType: 'unit', entityId: id, after: { ...p, id, path } });
      placed.set(p.code, { id, path });
      report.created += 1;
    }
    if (next.length === pending.length) {
      // A parent neither in the file nor in the tree was deleted since the checks.
      const inFile = new Set(rows.map((p) => p.code));
      throw new AppError(
        'VALIDATION',
        'the parent codes form a cycle or name a unit that is gone',
        next.map((p) =>
          inFile.has(p.parentCode)
            ? { path: `row ${p.row}.parentCode`, message: 'cycle', code: 'cycle' }
            : { path: `row ${p.row}.parentCode`, message: 'unknown parent', code: 'unknown_parent' },
        ),
      );
    }
    pending = next;
  }
  return { result: report, audit: events };
}
