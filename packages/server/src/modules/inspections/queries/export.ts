import type { ServiceContext } from '../../../context.js';
import { writeSheet } from '../../../excel/workbook.js';
import { firmsByIds } from '../../business/api.js';
import { inspectorColumns, itemColumns, weekdaysOut } from '../excel.js';
import { allInspectors } from './inspectors.js';
import { allItems } from './items.js';

/** Every department's inspection items, as the import reads them. */
export async function exportItems(ctx: ServiceContext): Promise<Buffer> {
  const items = await allItems(ctx);
  return writeSheet(
    '检查事项清单',
    itemColumns,
    items.map((i) => ({
      code: i.code,
      unit: i.unit.name,
      name: i.name,
      legalBasis: i.legalBasis,
      qualification: i.qualification ?? '',
      expectedMinutes: i.expectedMinutes,
    })),
  );
}

/** Every inspector, names masked, conflicts by credit code, as the import reads them. */
export async function exportInspectors(ctx: ServiceContext): Promise<Buffer> {
  const inspectors = await allInspectors(ctx);
  const firms = await firmsByIds(
    ctx.db,
    inspectors.flatMap((p) => p.conflicts.map((c) => c.id)),
  );
  return writeSheet(
    '执法人员名录',
    inspectorColumns,
    inspectors.map((p) => ({
      login: p.login,
      unit: p.unit.name,
      qualifications: p.qualifications.join('、'),
      workingDays: weekdaysOut(p.workingDays),
      conflicts: p.conflicts.map((c) => firms.get(c.id)?.creditCode ?? '').join('、'),
      active: p.active ? '是' : '否',
      name: p.name,
    })),
  );
}
