import type { ServiceContext } from '../../../context.js';
import { writeSheet } from '../../../excel/workbook.js';
import { headedIn } from '../../../kernel/excel-import.js';
import { firmsByIds } from '../../business/api.js';
import { activeWord, inspectorColumns, itemColumns, sheetName, weekdaysOut } from '../excel.js';
import { allInspectors } from './inspectors.js';
import { allItems } from './items.js';

/** Every department's inspection items, in the reader's language, as the import reads them. */
export async function exportItems(ctx: ServiceContext): Promise<Buffer> {
  const items = await allItems(ctx);
  const locale = ctx.locale ?? 'zh-CN';
  return writeSheet(
    sheetName('items', locale),
    headedIn(itemColumns, locale),
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

/** Every inspector, names masked, conflicts by credit code, in the reader's language, as the import reads them. */
export async function exportInspectors(ctx: ServiceContext): Promise<Buffer> {
  const inspectors = await allInspectors(ctx);
  const firms = await firmsByIds(
    ctx.db,
    inspectors.flatMap((p) => p.conflicts.map((c) => c.id)),
  );
  const locale = ctx.locale ?? 'zh-CN';
  return writeSheet(
    sheetName('inspectors', locale),
    headedIn(inspectorColumns, locale),
    inspectors.map((p) => ({
      login: p.login,
      unit: p.unit.name,
      qualifications: p.qualifications.join('、'),
      workingDays: weekdaysOut(p.workingDays, locale),
      conflicts: p.conflicts.map((c) => firms.get(c.id)?.creditCode ?? '').join('、'),
      active: activeWord(p.active, locale),
      name: p.name,
    })),
  );
}
