import { eq } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import { transaction } from '../../db/transaction.js';
import { AppError, type FieldError, forbidden } from '../../errors.js';
import { type Column, readSheet, writeSheet } from '../../excel/workbook.js';
import { fieldErrorOf } from '../../http/problem.js';
import { canUnit } from './policy.js';
import { CreateUnitInput, UnitKind, units } from './schema.js';
import { listUnits } from './service.js';

export const unitColumns: Column[] = [
  { key: 'code', header: '编码' },
  { key: 'name', header: '名称', width: 28 },
  { key: 'kind', header: '类型' },
  { key: 'parentCode', header: '上级编码' },
  { key: 'sort', header: '排序', width: 8 },
];

export async function exportUnits(ctx: ServiceContext): Promise<Buffer> {
  const all = await listUnits(ctx.db);
  const byId = new Map(all.map((u) => [u.id, u]));
  return writeSheet(
    '单位',
    unitColumns,
    all.map((u) => ({ ...u, parentCode: u.parentId ? byId.get(u.parentId)?.code : '' })),
  );
}

export const unitTemplate = () =>
  writeSheet('单位', unitColumns, [
    { code: 'QJ-EXAMPLE', name: '示例街道', kind: 'subdistrict', parentCode: 'QJ', sort: 1 },
  ]);

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Imports units by code: new codes are created, known codes updated, nothing else touched.
 * Every row is checked first; one bad row rejects the file with a report naming each bad
 * row and field, and nothing is written. Parents may appear anywhere in the file.
 */
export async function importUnits(
  ctx: ServiceContext,
  upload: () => Promise<ArrayBuffer | Buffer>,
): Promise<ImportReport> {
  if (!canUnit(ctx.principal, 'unit.import')) throw forbidden();
  const rows = await readSheet(await upload(), unitColumns);
  const existing = await listUnits(ctx.db);
  const byCode = new Map(existing.map((u) => [u.code, u]));
  const problems: FieldError[] = [];
  const parsed = rows.map(({ row, values }) => {
    const result = CreateUnitInput.omit({ parentId: true }).safeParse({
      code: values.code,
      name: values.name,
      kind: values.kind,
      sort: values.sort ? Number(values.sort) : 0,
    });
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push(fieldErrorOf(issue, `row ${row}.${String(issue.path[0] ?? '')}`));
      return null;
    }
    return { row, ...result.data, parentCode: values.parentCode ?? '' };
  });
  const fileCodes = new Map<string, number>();
  for (const p of parsed) {
    if (!p) continue;
    if (fileCodes.has(p.code))
      problems.push({
        path: `row ${p.row}.code`,
        message: `duplicate of row ${fileCodes.get(p.code)}`,
        code: 'duplicate_of_row',
        params: { row: fileCodes.get(p.code) ?? 0 },
      });
    fileCodes.set(p.code, p.row);
  }
  for (const p of parsed) {
    if (p?.parentCode && !fileCodes.has(p.parentCode) && !byCode.has(p.parentCode)) {
      problems.push({
        path: `row ${p.row}.parentCode`,
        message: `unknown parent ${p.parentCode}`,
        code: 'unknown_parent',
      });
    }
  }
  if (problems.length)
    throw new AppError(
      'VALIDATION',
      `${problems.length} problem(s) in the file; nothing was imported`,
      problems,
    );
  const valid = parsed.filter((p): p is NonNullable<typeof p> => p !== null);
  UnitKind.array().parse(valid.map((v) => v.kind));
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0 };
  await transaction(ctx.db, async (tx) => {
    // Insert parents before children: repeat passes until every row is placed.
    const placed = new Map(existing.map((u) => [u.code, { id: u.id, path: u.path }]));
    let pending = valid;
    while (pending.length) {
      const next: typeof valid = [];
      for (const p of pending) {
        const parent = p.parentCode ? placed.get(p.parentCode) : undefined;
        if (p.parentCode && !parent) {
          next.push(p);
          continue;
        }
        const old = byCode.get(p.code);
        if (old) {
          const same =
            old.name === p.name &&
            old.kind === p.kind &&
            old.sort === p.sort &&
            old.parentId === (parent?.id ?? null);
          if (same) {
            report.unchanged += 1;
            continue;
          }
          if (old.parentId !== (parent?.id ?? null)) {
            throw new AppError(
              'VALIDATION',
              `row ${p.row}: moving a unit is done in the tree, not by import`,
              [
                {
                  path: `row ${p.row}.parentCode`,
                  message: 'differs from the current parent',
                  code: 'parent_differs',
                },
              ],
            );
          }
          if (!canUnit(ctx.principal, 'unit.update', old))
            throw forbidden(`row ${p.row}: outside your scope`);
          await tx
            .update(units)
            .set({ name: p.name, kind: p.kind, sort: p.sort, updatedAt: new Date() })
            .where(eq(units.id, old.id));
          await audit(tx, actor(ctx), {
            action: 'unit.update',
            entityType: 'unit',
            entityId: old.id,
            before: old,
            after: p,
          });
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
        await audit(tx, actor(ctx), {
          action: 'unit.create',
          entityType: 'unit',
          entityId: id,
          after: { ...p, id, path },
        });
        placed.set(p.code, { id, path });
        report.created += 1;
      }
      if (next.length === pending.length) {
        throw new AppError(
          'VALIDATION',
          'the parent codes form a cycle',
          next.map((p) => ({ path: `row ${p.row}.parentCode`, message: 'cycle', code: 'cycle' })),
        );
      }
      pending = next;
    }
  });
  return report;
}
